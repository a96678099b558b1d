import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ZRateLimitedDetails } from '@prep/contracts';
import { call, errorOf, registerLearner, type TResponse } from './support/api-client';
import { buildRegistration } from './support/factories';
import { startTestHttpApp } from './support/http-app';
import { uniqueQueuePrefix } from './support/test-env';

// Small limits so a test reaches them quickly; each test signs in from addresses of its own (the app trusts the
// X-Forwarded-For of a loopback proxy, as it does behind the web app).
const LIMITS = {
  LOGIN_MAX_FAILURES: '5',
  LOGIN_BLOCK_SECONDS: '2',
  LOGIN_MAX_FAILURES_PER_IP: '12',
  LOGIN_ACCOUNT_SLOWDOWN_AFTER: '6',
  LOGIN_MAX_DELAY_MS: '400',
  REGISTER_MAX_PER_IP: '3',
};
const FIRST_DELAY_MS = 250;

let app: NestFastifyApplication;

beforeAll(async () => {
  app = await startTestHttpApp({ env: { ...LIMITS, QUEUE_PREFIX: uniqueQueuePrefix() } });
});
afterAll(async () => {
  await app.close();
});

let nextAddress = 1;
/** A documentation address (RFC 5737) no other test uses. */
const freshAddress = () => `198.51.100.${nextAddress++}`;

async function signIn(email: string, password: string, address: string): Promise<{ res: TResponse; ms: number }> {
  const started = performance.now();
  const res = await call(app, {
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    headers: { 'x-forwarded-for': address },
  });
  return { res, ms: performance.now() - started };
}

function expectRateLimited(res: TResponse): number {
  expect(res.statusCode).toBe(429);
  const error = errorOf(res);
  expect(error.code).toBe('rate_limited');
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
  expect(ZRateLimitedDetails.parse(error.details).retryAfterSeconds).toBe(retryAfter);
  return retryAfter;
}

/** A learner who signed up from an address of its own (sign-ups are throttled per address too). */
const newLearner = () => registerLearner(app, {}, { 'x-forwarded-for': freshAddress() });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sign-in throttling', () => {
  it('slows repeated failures of one account from one address, then answers 429 with Retry-After', async () => {
    const victim = await newLearner();
    const attacker = freshAddress();
    const attempts = [];
    for (let i = 0; i < 5; i++) attempts.push(await signIn(victim.email, `wrong password ${i}`, attacker));
    expect(attempts.map((a) => a.res.statusCode)).toEqual([401, 401, 401, 401, 401]);
    // After half the allowed failures (2 of 5) each attempt waits first: 250 ms, then 500 (capped at 400 here).
    expect(attempts[3]!.ms).toBeGreaterThanOrEqual(FIRST_DELAY_MS);
    expect(attempts[4]!.ms).toBeGreaterThanOrEqual(400);

    expectRateLimited((await signIn(victim.email, 'wrong password 6', attacker)).res);
    // Blocked means blocked: the right password from that address is refused too, without being checked.
    expectRateLimited((await signIn(victim.email, victim.password, attacker)).res);
    // The owner, from anywhere else, signs in at once.
    expect((await signIn(victim.email, victim.password, freshAddress())).res.statusCode).toBe(200);
  });

  it('lets the pair try again after the block, blocks the next failure for twice as long, and clears on success', async () => {
    const user = await newLearner();
    const address = freshAddress();
    for (let i = 0; i < 5; i++) await signIn(user.email, `wrong ${i}`, address);
    const first = expectRateLimited((await signIn(user.email, 'wrong again', address)).res);
    expect(first).toBeLessThanOrEqual(2);

    await sleep(2_100);
    expect((await signIn(user.email, 'still wrong', address)).res.statusCode).toBe(401);
    const second = expectRateLimited((await signIn(user.email, user.password, address)).res);
    expect(second).toBeGreaterThan(first);

    await sleep(second * 1000 + 100);
    expect((await signIn(user.email, user.password, address)).res.statusCode).toBe(200);
    // A success forgets the failures: the next mistake is free again.
    const after = await signIn(user.email, 'a typo', address);
    expect(after.res.statusCode).toBe(401);
  }, 20_000);

  it('counts parallel guesses before checking them, so a burst cannot slip past the limit', async () => {
    const user = await newLearner();
    const address = freshAddress();
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(user.email, `guess ${i}`, address)));
    const statuses = burst.map((b) => b.res.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(7);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });

  it('treats an unknown email exactly like a known one (the limits reveal no accounts)', async () => {
    const address = freshAddress();
    const email = `nobody-${randomUUID()}@example.com`;
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await signIn(email, `guess ${i}`, address)).res.statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('only slows, never refuses, an account guessed at from many addresses: its owner still signs in', async () => {
    const victim = await newLearner();
    // 8 failures from 4 addresses, each pair below its own limit, above the account's slowdown threshold (6).
    for (let a = 0; a < 4; a++) {
      const address = freshAddress();
      for (let i = 0; i < 2; i++) expect((await signIn(victim.email, `spray ${a}.${i}`, address)).res.statusCode).toBe(401);
    }
    const owner = await signIn(victim.email, victim.password, freshAddress());
    expect(owner.res.statusCode).toBe(200);
    expect(owner.ms).toBeGreaterThanOrEqual(FIRST_DELAY_MS);
  });

  it('blocks an address that fails on many accounts (password spraying), and only that address', async () => {
    const sprayer = freshAddress();
    const statuses = [];
    for (let i = 0; i < 13; i++) {
      statuses.push((await signIn(`sprayed-${i}-${randomUUID()}@example.com`, 'Summer2024!', sprayer)).res.statusCode);
    }
    expect(statuses.slice(0, 12).every((s) => s === 401)).toBe(true);
    expect(statuses[12]).toBe(429);
    const someone = await newLearner();
    expectRateLimited((await signIn(someone.email, someone.password, sprayer)).res);
    expect((await signIn(someone.email, someone.password, freshAddress())).res.statusCode).toBe(200);
  });

  it('throttles wrong current passwords on sensitive changes like sign-in attempts', async () => {
    const user = await newLearner();
    const address = freshAddress();
    const change = (currentPassword: string) =>
      call(app, {
        method: 'POST',
        url: '/api/auth/password',
        cookie: user.cookie,
        payload: { currentPassword, newPassword: 'a brand new passphrase' },
        headers: { 'x-forwarded-for': address },
      });
    for (let i = 0; i < 5; i++) {
      const res = await change(`not it ${i}`);
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).details).toEqual([{ path: 'body.currentPassword', message: 'is not your current password' }]);
    }
    expectRateLimited(await change(user.password));
  });
});

describe('sign-up throttling', () => {
  it('refuses more than REGISTER_MAX_PER_IP sign-ups an hour from one address, and only from it', async () => {
    const address = freshAddress();
    const register = (ip: string, password?: string) =>
      call(app, {
        method: 'POST',
        url: '/api/auth/register',
        payload: buildRegistration(password ? { password } : {}),
        headers: { 'x-forwarded-for': ip },
      });
    // A refused password is a typo to fix, not a sign-up: it does not count.
    expect((await register(address, 'password123')).statusCode).toBe(400);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await register(address)).statusCode);
    expect(statuses).toEqual([201, 201, 201]);
    const refused = await register(address);
    expect(expectRateLimited(refused)).toBeGreaterThan(60);
    expect((await register(freshAddress())).statusCode).toBe(201);
  });
});
