// Prisma CLI config. Migrations run through the WebAssembly schema engine and the `pg` driver,
// so nothing is downloaded at install or run time (see ARCHITECTURE.md, "Prisma offline").
import { randomUUID } from 'node:crypto';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
import type { PoolConfig } from 'pg';

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;
interface PgResult {
  fields: { dataTypeID: number }[];
}

const PG_NAME = 19;
const PG_CHAR = 18;
const PG_TEXT = 25;

/**
 * Two gaps between the schema engine and adapter-pg 6.19, mended on each connected adapter:
 * - The engine introspects pg_catalog columns of types `name` and `"char"`, which the adapter refuses to
 *   deserialise (prisma/orm#27403). Both are text on the wire, so report them as text.
 * - The engine replays a whole migration file on the shadow database through `executeRaw` without
 *   parameters; pg sends that as a prepared statement, which may hold only one command. Without
 *   parameters there is nothing to bind, so run it as a simple query, which accepts a script.
 */
function adaptForSchemaEngine(adapter: Adapter): Adapter {
  const target = adapter as unknown as {
    performIO: (query: unknown) => Promise<PgResult>;
    executeScript: (script: string) => Promise<void>;
  };
  const performIO = target.performIO.bind(adapter);
  target.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) {
      if (field.dataTypeID === PG_NAME || field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
    }
    return result;
  };
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    await target.executeScript(query.sql);
    return 0;
  };
  return adapter;
}

function pgConfigFrom(databaseUrl: string | undefined): PoolConfig {
  if (!databaseUrl) throw new Error('DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/interview_prep)');
  const url = new URL(databaseUrl);
  return {
    host: decodeURIComponent(url.hostname) || '127.0.0.1',
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.replace(/^\//, '')),
  };
}

/**
 * adapter-pg 6.19 builds its shadow pool from `{ ...config, database }` (a connection string would win and the
 * "shadow" would be the real database) and drops the shadow while a pooled connection is still open.
 */
class MigrationPg extends PrismaPg {
  constructor(private readonly pgConfig: PoolConfig) {
    super(pgConfig);
  }

  override async connect(): Promise<Adapter> {
    return adaptForSchemaEngine(await super.connect());
  }

  override async connectToShadowDb(): Promise<Adapter> {
    const admin = await this.connect();
    const database = `prisma_shadow_${randomUUID().replace(/-/g, '')}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...this.pgConfig, database }).connect();
    const wrapped = adaptForSchemaEngine(shadow);
    const dispose = wrapped.dispose.bind(wrapped);
    wrapped.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.dispose();
    };
    return wrapped;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // Parsed lazily: `prisma generate` loads this file without a database.
  adapter: async () => new MigrationPg(pgConfigFrom(process.env.DATABASE_URL)),
});
