import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: the cookie value. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this is stored, so a database leak yields no usable session. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
