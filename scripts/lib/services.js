#!/usr/bin/env node
// Small probes and database chores for the shell scripts, using the `pg` and `ioredis`
// packages the app already depends on. Every command prints one line on failure.
//
//   pg-probe <url>                 exit 0 reachable and logged in (database may be missing),
//                                  2 unreachable, 3 refused the login; prints "host:port" detail
//   pg-ensure-db <url>             create the database named in <url> when it does not exist
//   pg-create-db <url>             create it; fail when it exists
//   pg-drop-db <url> <prefix>      drop it (WITH FORCE) — only when its name starts with <prefix>
//   redis-probe <url>              exit 0 and print maxmemory-policy, 2 unreachable
//   redis-clear-prefix <url> <p>   delete keys matching "<p>:*" (a test run's queue keys)
//   smtp-probe <url>               exit 0 when an SMTP server greets (220) at smtp://host:port, 2 otherwise
//   mailpit-probe <url>            exit 0 and print its version when Mailpit's web UI answers at <url>, 2 otherwise
//   endpoint <url>                 print "host:port" of a postgres:// or redis:// URL
'use strict';

const CONNECT_TIMEOUT_MS = 4000;

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EPIPE',
]);

class ProbeError extends Error {
  constructor(exitCode, message) {
    super(message);
    this.exitCode = exitCode;
  }
}

function endpoint(url) {
  const parsed = new URL(url);
  const defaultPort = parsed.protocol.startsWith('redis') ? 6379 : 5432;
  return `${parsed.hostname || '127.0.0.1'}:${parsed.port || defaultPort}`;
}

function databaseName(url) {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!name) throw new ProbeError(1, `${redact(url)} names no database`);
  return name;
}

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function redact(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

function quoteIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

function describe(error) {
  if (error && error.code && UNREACHABLE_CODES.has(error.code)) return error.code;
  if (error && /timeout/i.test(error.message ?? '')) return 'timed out';
  return error?.message ?? String(error);
}

function isUnreachable(error) {
  return Boolean(
    (error && UNREACHABLE_CODES.has(error.code)) || /timeout|terminated unexpectedly|Connection terminated/i.test(error?.message ?? ''),
  );
}

async function pgQuery(url, sql, params = []) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    if (isUnreachable(error)) throw new ProbeError(2, `${endpoint(url)} is unreachable (${describe(error)})`);
    throw Object.assign(error, { connectFailed: true });
  }
  try {
    return await client.query(sql, params);
  } finally {
    await client.end().catch(() => {});
  }
}

// Connects to the server's maintenance database, for CREATE/DROP DATABASE.
async function pgAdmin(url, sql, params) {
  let lastError;
  for (const maintenance of ['postgres', 'template1']) {
    try {
      return await pgQuery(withDatabase(url, maintenance), sql, params);
    } catch (error) {
      if (error instanceof ProbeError) throw error;
      lastError = error;
      // 3D000: that maintenance database does not exist; try the next one.
      if (error.code !== '3D000') break;
    }
  }
  throw new ProbeError(1, `${endpoint(url)}: ${describe(lastError)}`);
}

async function pgProbe(url) {
  try {
    await pgQuery(url, 'select 1');
    return `${endpoint(url)} database ${databaseName(url)} exists`;
  } catch (error) {
    if (error instanceof ProbeError) throw error;
    // The server answered and accepted the login; only the database is missing.
    if (error.code === '3D000') return `${endpoint(url)} database ${databaseName(url)} missing`;
    throw new ProbeError(3, `${endpoint(url)} refused the login (${describe(error)})`);
  }
}

async function databaseExists(url) {
  const result = await pgAdmin(url, 'select 1 from pg_database where datname = $1', [databaseName(url)]);
  return result.rowCount > 0;
}

async function pgEnsureDb(url) {
  const name = databaseName(url);
  if (await databaseExists(url)) return `database ${name} exists`;
  await pgAdmin(url, `create database ${quoteIdent(name)}`);
  return `created database ${name}`;
}

async function pgCreateDb(url) {
  const name = databaseName(url);
  if (await databaseExists(url)) throw new ProbeError(1, `database ${name} already exists`);
  await pgAdmin(url, `create database ${quoteIdent(name)}`);
  return `created database ${name}`;
}

async function pgDropDb(url, requiredPrefix) {
  const name = databaseName(url);
  if (!requiredPrefix || !name.startsWith(requiredPrefix)) {
    throw new ProbeError(1, `refusing to drop database ${name}: it does not start with "${requiredPrefix ?? ''}"`);
  }
  await pgAdmin(url, `drop database if exists ${quoteIdent(name)} with (force)`);
  return `dropped database ${name}`;
}

async function withRedis(url, use) {
  const Redis = require('ioredis');
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  let socketError;
  client.on('error', (error) => {
    socketError = error;
  });
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new ProbeError(2, `${endpoint(url)} is unreachable (${describe(socketError ?? error)})`);
  }
  try {
    return await use(client);
  } catch (error) {
    throw new ProbeError(3, `${endpoint(url)}: ${describe(error)}`);
  } finally {
    client.disconnect();
  }
}

async function redisProbe(url) {
  return withRedis(url, async (client) => {
    await client.ping();
    try {
      const [, policy] = await client.config('GET', 'maxmemory-policy');
      return policy ?? 'unknown';
    } catch {
      return 'unknown'; // CONFIG may be disabled on managed servers.
    }
  });
}

async function redisClearPrefix(url, prefix) {
  if (!prefix) throw new ProbeError(1, 'refusing to clear keys without a prefix');
  return withRedis(url, async (client) => {
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await client.unlink(...keys);
    } while (cursor !== '0');
    return `deleted ${deleted} keys under ${prefix}:`;
  });
}

/** Connects, waits for the 220 greeting, says QUIT. */
function smtpProbe(url) {
  const net = require('node:net');
  const { hostname, port } = new URL(url);
  const where = `${hostname || '127.0.0.1'}:${port || 25}`;
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port || 25) });
    const fail = (why) => {
      socket.destroy();
      reject(new ProbeError(2, `no SMTP server at ${where} (${why})`));
    };
    socket.setTimeout(CONNECT_TIMEOUT_MS, () => fail('timed out'));
    socket.once('error', (error) => fail(describe(error)));
    socket.once('data', (chunk) => {
      const greeting = chunk.toString('utf8').trim();
      if (!greeting.startsWith('220')) return fail(`greeted with "${greeting.slice(0, 60)}"`);
      socket.end('QUIT\r\n');
      resolve(`${where}: ${greeting.slice(0, 80)}`);
    });
  });
}

async function mailpitProbe(url) {
  try {
    const response = await fetch(new URL('/api/v1/info', url), { signal: AbortSignal.timeout(CONNECT_TIMEOUT_MS) });
    const info = response.ok ? await response.json() : null;
    if (!info || typeof info.Version !== 'string') throw new Error(`HTTP ${response.status}, not Mailpit`);
    return `Mailpit ${info.Version}`;
  } catch (error) {
    throw new ProbeError(2, `no Mailpit web UI at ${url} (${describe(error)})`);
  }
}

const commands = {
  'pg-probe': ([url]) => pgProbe(url),
  'pg-ensure-db': ([url]) => pgEnsureDb(url),
  'pg-create-db': ([url]) => pgCreateDb(url),
  'pg-drop-db': ([url, prefix]) => pgDropDb(url, prefix),
  'redis-probe': ([url]) => redisProbe(url),
  'redis-clear-prefix': ([url, prefix]) => redisClearPrefix(url, prefix),
  'smtp-probe': ([url]) => smtpProbe(url),
  'mailpit-probe': ([url]) => mailpitProbe(url),
  endpoint: async ([url]) => endpoint(url),
};

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const run = commands[command];
  if (!run || args.length === 0 || !args[0]) {
    process.stderr.write(`usage: services.js ${Object.keys(commands).join('|')} <url> [arg]\n`);
    process.exit(64);
  }
  try {
    process.stdout.write(`${await run(args)}\n`);
  } catch (error) {
    const exitCode = error instanceof ProbeError ? error.exitCode : 1;
    process.stderr.write(`${error instanceof ProbeError ? error.message : describe(error)}\n`);
    process.exit(exitCode);
  }
}

main();
