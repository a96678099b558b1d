import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SESSION_COOKIE, ZMeResponse } from '@prep/contracts';
import { call as callApi, errorOf, sessionCookie, type TRequest } from './support/api-client';
import { PrismaService } from '../src/modules/prisma/prisma.service';
import { buildRegistration } from './support/factories';
import { startTestHttpApp } from './support/http-app';
import { WEB_ORIGIN } from './support/test-env';

let app: NestFastifyApplication;

beforeAll(async () => {
  app = await startTestHttpApp();
});
afterAll(async () => {
  await app.close();
});

type InjectOptions = Omit<TRequest, 'method'> & { method?: TRequest['method'] };
const call = (options: InjectOptions) => callApi(app, { method: 'POST', ...options });

describe('auth', () => {
  it('registers, reads /me with the cookie, logs out and the session is revoked', async () => {
    const registration = buildRegistration({ displayName: 'Ada' });
    const registered = await call({ url: '/api/auth/register', payload: registration });
    expect(registered.statusCode).toBe(201);
    expect(ZMeResponse.parse(registered.json()).user).toMatchObject({ email: registration.email, displayName: 'Ada', role: 'learner' });
    const setCookie = String(registered.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);

    const cookie = sessionCookie(registered);
    const me = await call({ method: 'GET', url: '/api/me', cookie });
    expect(me.statusCode).toBe(200);
    expect(ZMeResponse.parse(me.json()).user.email).toBe(registration.email);

    expect((await call({ url: '/api/auth/logout', cookie })).statusCode).toBe(204);
    const after = await call({ method: 'GET', url: '/api/me', cookie });
    expect(after.statusCode).toBe(401);
    expect(errorOf(after).code).toBe('unauthenticated');
  });

  it('stores an argon2id hash, never the password', async () => {
    const registration = buildRegistration();
    await call({ url: '/api/auth/register', payload: registration });
    const row = await app.get(PrismaService).user.findUniqueOrThrow({ where: { email: registration.email } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(registration.password);
  });

  it('logs in with the right password only, with one message for unknown email and wrong password', async () => {
    const registration = buildRegistration({ email: `Mixed.Case-${Date.now()}@Example.com` });
    await call({ url: '/api/auth/register', payload: registration });
    const ok = await call({
      url: '/api/auth/login',
      payload: { email: registration.email.toLowerCase(), password: registration.password },
    });
    expect(ok.statusCode).toBe(200);
    expect(ZMeResponse.parse(ok.json()).user.email).toBe(registration.email.toLowerCase());

    const wrong = await call({ url: '/api/auth/login', payload: { email: registration.email, password: 'not the password' } });
    const unknown = await call({ url: '/api/auth/login', payload: { email: 'nobody-here@example.com', password: 'whatever-it-is' } });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(errorOf(wrong)).toEqual(errorOf(unknown));
    expect(errorOf(wrong).code).toBe('invalid_credentials');
  });

  it('refuses a second account with the same email', async () => {
    const registration = buildRegistration();
    await call({ url: '/api/auth/register', payload: registration });
    const again = await call({ url: '/api/auth/register', payload: { ...registration, email: registration.email.toUpperCase() } });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('email_taken');
  });

  it('keeps other sessions alive when one logs out', async () => {
    const registration = buildRegistration();
    const first = sessionCookie(await call({ url: '/api/auth/register', payload: registration }));
    const second = sessionCookie(await call({ url: '/api/auth/login', payload: registration }));
    await call({ url: '/api/auth/logout', cookie: first });
    expect((await call({ method: 'GET', url: '/api/me', cookie: second })).statusCode).toBe(200);
    expect((await call({ method: 'GET', url: '/api/me', cookie: first })).statusCode).toBe(401);
  });

  it('ignores a forged or missing session cookie', async () => {
    expect((await call({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await call({ method: 'GET', url: '/api/me', cookie: `${SESSION_COOKIE}=forged` })).statusCode).toBe(401);
  });
});

describe('bad input gets a 4xx in the one error shape', () => {
  it.each([
    ['malformed JSON', '{"email": "a@b.co",', 400, 'malformed_json'],
    ['a missing field', { email: 'a@b.co' }, 400, 'validation_failed'],
    ['a wrong type', { email: 'a@b.co', password: 12345678901 }, 400, 'validation_failed'],
    ['an unknown field', { email: 'a@b.co', password: 'long enough password', admin: true }, 400, 'validation_failed'],
    ['a short password', { email: 'a@b.co', password: 'short' }, 400, 'validation_failed'],
    ['a bad email', { email: 'not-an-email', password: 'long enough password' }, 400, 'validation_failed'],
    ['a JSON array', [1, 2], 400, 'validation_failed'],
  ])('%s', async (_name, payload, status, code) => {
    const res = await call({ url: '/api/auth/register', payload });
    expect(res.statusCode).toBe(status);
    expect(errorOf(res).code).toBe(code);
  });

  it('names each bad field in details', async () => {
    const res = await call({ url: '/api/auth/register', payload: { email: 1, admin: true } });
    const details = errorOf(res).details as { path: string }[];
    expect(details.map((d) => d.path).sort()).toEqual(['body.admin', 'body.email', 'body.password']);
  });

  it('a 10 MB body gets 413, not a 500 or a hang', async () => {
    const huge = JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(10 * 1024 * 1024) });
    const res = await call({ url: '/api/auth/register', payload: huge });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res).code).toBe('payload_too_large');
  });

  it('an unknown route gets 404 in the same shape', async () => {
    const res = await call({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe('not_found');
  });
});

describe('CSRF defences on mutating requests', () => {
  it('rejects a foreign Origin', async () => {
    const res = await call({ url: '/api/auth/login', payload: buildRegistration(), headers: { origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('csrf_rejected');
  });

  it('accepts the web origin', async () => {
    const registration = buildRegistration();
    const res = await call({ url: '/api/auth/register', payload: registration, headers: { origin: WEB_ORIGIN } });
    expect(res.statusCode).toBe(201);
  });

  it('rejects a form-encoded body (what a cross-site form can send)', async () => {
    const res = await call({
      url: '/api/auth/login',
      payload: 'email=a%40b.co&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(415);
    expect(errorOf(res).code).toBe('unsupported_media_type');
  });
});

describe('health, readiness and docs', () => {
  it('reports Postgres, Redis and migrations ready', async () => {
    expect((await call({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
    const ready = await call({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      status: 'ready',
      checks: { postgres: { ok: true }, redis: { ok: true }, migrations: { ok: true } },
    });
  });

  it('serves the OpenAPI document generated from the contracts', async () => {
    const doc = (await call({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/auth/register', '/auth/login', '/me', '/ready']));
  });

  it('sends the security headers on JSON answers: a policy that allows nothing, no framing, no sniffing', async () => {
    const res = await call({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    const failed = await call({ method: 'GET', url: '/api/me' });
    expect(failed.statusCode).toBe(401);
    expect(failed.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps Swagger UI working under its own page policy that names no other origin', async () => {
    const page = await call({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toMatch(/script-src 'self';/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy).not.toMatch(/https?:|unsafe-eval/);
    const script = await call({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(script.statusCode).toBe(200);
    // The page fetches its document from here and never asks the public validator service.
    expect(script.body).toContain("resolveUrl('./json')");
    expect(script.body).toContain('validatorUrl: null');
  });

  it('echoes a request id', async () => {
    const res = await call({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'trace-123' } });
    expect(res.headers['x-request-id']).toBe('trace-123');
  });
});
