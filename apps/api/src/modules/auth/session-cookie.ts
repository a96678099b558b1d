import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from '@prep/contracts';
import type { ApiEnv } from '../../config/env';

export function sessionCookieOptions(env: Pick<ApiEnv, 'WEB_ORIGIN'>) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: env.WEB_ORIGIN.startsWith('https:') };
}

/** Tells the browser to drop the session cookie (sign-out, sign-out everywhere, account deleted). */
export function clearSessionCookie(reply: FastifyReply, env: Pick<ApiEnv, 'WEB_ORIGIN'>): void {
  reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(env));
}
