import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthRepository } from '../src/modules/auth/auth.repository';
import { DEMO_USERS, seedDemoUsers } from '../src/modules/auth/demo-users';
import { PrismaService } from '../src/modules/prisma/prisma.service';
import { call, registerLearner } from './support/api-client';
import { startTestHttpApp } from './support/http-app';

const CLI = path.resolve(__dirname, '../dist/cli.js');

/** Runs the built CLI (what `npm run admin:create` and `npm start` run) against the test database. */
function cli(
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<{ status: number | null; out: string }> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run the tests through npm test, which builds it`);
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (!options.env?.ADMIN_PASSWORD) delete env.ADMIN_PASSWORD;
  const child = spawn(process.execPath, [CLI, ...args], { env, timeout: 30_000 });
  let out = '';
  child.stdout.on('data', (chunk) => (out += String(chunk)));
  child.stderr.on('data', (chunk) => (out += String(chunk)));
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, out }));
  });
}

// Each CLI run starts Node, Nest and a database pool: seconds on a busy machine.
jest.setTimeout(60_000);

async function withApp<T>(env: Record<string, string>, use: (app: NestFastifyApplication) => Promise<T>): Promise<T> {
  const app = await startTestHttpApp({ env });
  try {
    return await use(app);
  } finally {
    await app.close();
  }
}

const login = (app: NestFastifyApplication, email: string, password: string) =>
  call(app, { method: 'POST', url: '/api/auth/login', payload: { email, password } });

describe('the first admin from ADMIN_EMAIL / ADMIN_PASSWORD at boot', () => {
  it('is created once and never overwritten by a later boot with another password', async () => {
    const email = `first-admin-${randomUUID()}@example.com`;
    await withApp({ ADMIN_EMAIL: email, ADMIN_PASSWORD: 'the first admin passphrase' }, async (app) => {
      const res = await login(app, email, 'the first admin passphrase');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ user: { email, role: 'admin' } });
    });
    await withApp({ ADMIN_EMAIL: email, ADMIN_PASSWORD: 'another admin passphrase' }, async (app) => {
      expect((await login(app, email, 'the first admin passphrase')).statusCode).toBe(200);
      expect((await login(app, email, 'another admin passphrase')).statusCode).toBe(401);
      expect(await app.get(PrismaService).user.count({ where: { email } })).toBe(1);
    });
  });

  it('leaves an existing learner with that email a learner (no promotion by configuration)', async () => {
    await withApp({}, async (app) => {
      const learner = await registerLearner(app);
      await withApp({ ADMIN_EMAIL: learner.email, ADMIN_PASSWORD: 'a takeover passphrase' }, async (second) => {
        expect((await login(second, learner.email, 'a takeover passphrase')).statusCode).toBe(401);
        const me = await call(second, { url: '/api/me', cookie: learner.cookie });
        expect(me.json()).toMatchObject({ user: { role: 'learner' } });
      });
    });
  });
});

describe('npm run admin:create -- <email>', () => {
  it('creates an admin with the password read from standard input, once', async () => {
    const email = `cli-admin-${randomUUID()}@example.com`;
    const created = await cli(['admin-create', email], { input: 'a cli admin passphrase\n' });
    expect(created).toMatchObject({ status: 0, out: expect.stringMatching(/admin account .* created/) });
    const again = await cli(['admin-create', email.toUpperCase()], { input: 'a different passphrase\n' });
    expect(again).toMatchObject({ status: 1, out: expect.stringMatching(/already has an account \(admin\); nothing changed/) });

    await withApp({}, async (app) => {
      const res = await login(app, email, 'a cli admin passphrase');
      expect(res.json()).toMatchObject({ user: { email, role: 'admin' } });
      expect((await login(app, email, 'a different passphrase')).statusCode).toBe(401);
    });
  });

  it('takes ADMIN_PASSWORD when set, and refuses a weak password or a bad email without touching the database', async () => {
    const email = `env-admin-${randomUUID()}@example.com`;
    expect((await cli(['admin-create', email], { env: { ADMIN_PASSWORD: 'an env admin passphrase' } })).status).toBe(0);
    const weak = await cli(['admin-create', `weak-${randomUUID()}@example.com`], { input: 'password123\n' });
    expect(weak).toMatchObject({ status: 1, out: expect.stringMatching(/password is one of the 10,000 most common/) });
    const short = await cli(['admin-create', `short-${randomUUID()}@example.com`], { input: 'short\n' });
    expect(short).toMatchObject({ status: 1, out: expect.stringMatching(/at least 10 characters/) });
    expect(await cli(['admin-create', 'not-an-email'], { input: 'a fine passphrase\n' })).toMatchObject({ status: 2 });
    expect(await cli(['admin-create'])).toMatchObject({ status: 2, out: expect.stringMatching(/give the email address/) });
  });
});

describe('demo accounts', () => {
  it('are never created in production, by the CLI that npm start runs or otherwise', async () => {
    const seeded = await cli(['seed-demo'], { env: { NODE_ENV: 'production' } });
    expect(seeded).toMatchObject({ status: 0, out: expect.stringMatching(/NODE_ENV=production: no demo users/) });
    await withApp({}, async (app) => {
      expect(await seedDemoUsers(app.get(AuthRepository), 'production')).toBeNull();
      const emails = DEMO_USERS.map((u) => u.email);
      expect(await app.get(PrismaService).user.count({ where: { email: { in: emails } } })).toBe(0);
    });
  });
});
