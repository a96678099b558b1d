import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type IORedis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { ErrorCode } from '@prep/contracts';
import { AppError } from '../../common/app-error';
import { API_ENV } from '../../config/config.tokens';
import type { ApiEnv } from '../../config/env';
import { createCounterConnection } from '../queue/redis';

const HOUR_S = 3600;
const DAY_S = 86_400;
/** Blocks of one (account, address) pair double up to this (or LOGIN_BLOCK_SECONDS when that is longer). */
const MAX_BLOCK_S = 15 * 60;
/** The first added delay; each further failure doubles it, up to LOGIN_MAX_DELAY_MS. */
const DELAY_STEP_MS = 250;

/** Added delay after `failures`, once more than `free` have been seen: 250 ms, 500 ms, 1 s, ... up to `maxMs`. */
export function slowdownMs(failures: number, free: number, maxMs: number): number {
  return failures <= free ? 0 : Math.min(maxMs, DELAY_STEP_MS * 2 ** Math.min(failures - free - 1, 30));
}

/** Block after the `failures`-th failure of a pair, `max` being the first that blocks: base, 2 × base, ... capped. */
export function blockSeconds(failures: number, max: number, baseSeconds: number): number {
  return Math.min(Math.max(baseSeconds, MAX_BLOCK_S), baseSeconds * 2 ** Math.min(Math.max(0, failures - max), 30));
}

/**
 * Throttles password guessing and sign-ups, with counters in Redis so every API process shares them.
 *
 * - One (account, address) pair: failures beyond half of LOGIN_MAX_FAILURES are answered more slowly; after
 *   LOGIN_MAX_FAILURES the pair gets 429 for LOGIN_BLOCK_SECONDS, doubling with each further failure (up to 15 min).
 *   A success clears the pair. Attempts are counted before the password is checked, so parallel requests cannot
 *   slip past the limit.
 * - One address, any account: LOGIN_MAX_FAILURES_PER_IP failures in an hour block it for an hour (password spraying).
 * - One account, any address: beyond LOGIN_ACCOUNT_SLOWDOWN_AFTER failures in an hour every attempt on it is slowed,
 *   by at most LOGIN_MAX_DELAY_MS, and never refused: an attacker elsewhere cannot lock its owner out, while a
 *   guesser spread over many addresses still hits each pair's limit.
 * - Sign-ups: REGISTER_MAX_PER_IP per address per hour.
 *
 * Accounts are keyed by a hash of the email as typed (normalised), whether or not such an account exists, so the
 * limits reveal nothing about which emails are registered.
 */
@Injectable()
export class SignInThrottle implements OnModuleDestroy {
  private readonly redis: IORedis;
  /** Attempts of a pair not yet known to be successes; also holds the pair's block. */
  private readonly pairGate: RateLimiterRedis;
  /** Failures of a pair over a day: how long its next block lasts. */
  private readonly pairFailures: RateLimiterRedis;
  private readonly addressGate: RateLimiterRedis;
  private readonly accountFailures: RateLimiterRedis;
  private readonly registrations: RateLimiterRedis;

  constructor(@Inject(API_ENV) private readonly env: ApiEnv) {
    this.redis = createCounterConnection(env.REDIS_URL);
    const limiter = (name: string, points: number, duration: number, blockDuration = 0) =>
      new RateLimiterRedis({ storeClient: this.redis, keyPrefix: `${env.QUEUE_PREFIX}:throttle:${name}`, points, duration, blockDuration });
    const maxBlock = Math.max(env.LOGIN_BLOCK_SECONDS, MAX_BLOCK_S);
    this.pairGate = limiter('pair', env.LOGIN_MAX_FAILURES, maxBlock);
    this.pairFailures = limiter('pair-failures', Number.MAX_SAFE_INTEGER, DAY_S);
    this.addressGate = limiter('address', env.LOGIN_MAX_FAILURES_PER_IP, HOUR_S, HOUR_S);
    this.accountFailures = limiter('account-failures', Number.MAX_SAFE_INTEGER, HOUR_S);
    this.registrations = limiter('register', env.REGISTER_MAX_PER_IP, HOUR_S);
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }

  /**
   * Runs one password check for `email` from `ip` within the limits above: 429 `rate_limited` (with Retry-After)
   * when a limit is exhausted, after the due slowdown otherwise. `check` returns null for a wrong password.
   */
  async attempt<T>(email: string, ip: string, check: () => Promise<T | null>): Promise<T | null> {
    const account = createHash('sha256').update(email).digest('base64url');
    const pair = `${account}:${ip}`;
    const tooMany = 'Too many failed sign-in attempts';
    await this.take(this.pairGate, pair, `${tooMany} for this account`);
    try {
      await this.take(this.addressGate, ip, `${tooMany} from your network`);
    } catch (e) {
      await this.counters(() => this.pairGate.reward(pair));
      throw e;
    }
    const [pairFailures, accountFailures] = await this.counters(() =>
      Promise.all([this.pairFailures.get(pair), this.accountFailures.get(account)]),
    );
    const { LOGIN_MAX_FAILURES, LOGIN_ACCOUNT_SLOWDOWN_AFTER, LOGIN_MAX_DELAY_MS, LOGIN_BLOCK_SECONDS } = this.env;
    const delay = Math.max(
      slowdownMs(pairFailures?.consumedPoints ?? 0, Math.floor(LOGIN_MAX_FAILURES / 2), LOGIN_MAX_DELAY_MS),
      slowdownMs(accountFailures?.consumedPoints ?? 0, LOGIN_ACCOUNT_SLOWDOWN_AFTER, LOGIN_MAX_DELAY_MS),
    );
    if (delay > 0) await sleep(delay);

    let result: T | null;
    try {
      result = await check();
    } catch (e) {
      // Not a wrong password (e.g. the database is down): the attempt does not count.
      await this.counters(() => Promise.all([this.pairGate.reward(pair), this.addressGate.reward(ip)])).catch(() => undefined);
      throw e;
    }
    if (result !== null) {
      await this.counters(() => Promise.all([this.pairGate.delete(pair), this.pairFailures.delete(pair), this.addressGate.reward(ip)]));
      return result;
    }
    const [failures] = await this.counters(() => Promise.all([this.pairFailures.penalty(pair), this.accountFailures.penalty(account)]));
    if (failures.consumedPoints >= LOGIN_MAX_FAILURES) {
      const seconds = blockSeconds(failures.consumedPoints, LOGIN_MAX_FAILURES, LOGIN_BLOCK_SECONDS);
      await this.counters(() => this.pairGate.block(pair, seconds));
    }
    return null;
  }

  /** Counts one sign-up from `ip`; 429 beyond REGISTER_MAX_PER_IP an hour. */
  async countRegistration(ip: string): Promise<void> {
    await this.take(this.registrations, ip, 'Too many sign-ups from your network');
  }

  private async take(limiter: RateLimiterRedis, key: string, message: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (e) {
      if (e instanceof RateLimiterRes)
        throw AppError.rateLimited(e.msBeforeNext, `${message}; try again in ${describeWait(e.msBeforeNext)}`);
      throw unavailable(e);
    }
  }

  private async counters<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      throw unavailable(e);
    }
  }
}

/** 1500 → "2 seconds", 61000 → "2 minutes". */
export function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

function unavailable(cause: unknown): AppError {
  const error = new AppError(ErrorCode.ServiceUnavailable, 'Signing in is unavailable right now; try again in a moment');
  error.cause = cause;
  error.retryAfterSeconds = 5;
  return error;
}
