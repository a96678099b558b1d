import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  SESSION_COOKIE,
  ZErrorResponse,
  ZMeResponse,
  type TErrorResponse,
  type TRegisterRequest,
  type TRole,
  type TUser,
} from '@prep/contracts';
import { hashPassword } from '../../src/modules/auth/password';
import { PrismaService } from '../../src/modules/prisma/prisma.service';
import { buildRegistration } from './factories';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type TRequest = { method?: Method; url: string; payload?: unknown; cookie?: string; headers?: Record<string, string> };
export type TResponse = Awaited<ReturnType<NestFastifyApplication['inject']>>;

/** `app.inject` with JSON bodies and an optional session cookie; a string payload is sent as is (for malformed JSON). */
export function call(app: NestFastifyApplication, { method = 'GET', url, payload, cookie, headers = {} }: TRequest): Promise<TResponse> {
  return app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
    headers: { ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie ? { cookie } : {}), ...headers },
  });
}

export function sessionCookie(res: TResponse): string {
  const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
  if (!c) throw new Error(`no session cookie (HTTP ${res.statusCode}: ${res.body})`);
  return `${SESSION_COOKIE}=${c.value}`;
}

export function errorOf(res: TResponse): TErrorResponse['error'] {
  return ZErrorResponse.parse(res.json()).error;
}

export type TSignedIn = { user: TUser; cookie: string; email: string; password: string };

/** Registers a new learner through the API (optionally with extra headers, e.g. x-forwarded-for) and returns its session cookie. */
export async function registerLearner(
  app: NestFastifyApplication,
  overrides: Partial<TRegisterRequest> = {},
  headers: Record<string, string> = {},
): Promise<TSignedIn> {
  const registration = buildRegistration(overrides);
  const res = await call(app, { method: 'POST', url: '/api/auth/register', payload: registration, headers });
  if (res.statusCode !== 201) throw new Error(`register failed: HTTP ${res.statusCode} ${res.body}`);
  return {
    user: ZMeResponse.parse(res.json()).user,
    cookie: sessionCookie(res),
    email: registration.email,
    password: registration.password,
  };
}

/** Creates an account with the given role directly in the database, then signs in through the API. */
export async function signInAs(app: NestFastifyApplication, role: TRole): Promise<TSignedIn> {
  const { email, password } = buildRegistration();
  await app.get(PrismaService).user.create({ data: { email, role, passwordHash: await hashPassword(password) } });
  const res = await call(app, { method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: HTTP ${res.statusCode} ${res.body}`);
  return { user: ZMeResponse.parse(res.json()).user, cookie: sessionCookie(res), email, password };
}
