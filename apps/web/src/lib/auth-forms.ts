import { ZLoginRequest, ZRegisterRequest, type TLoginRequest, type TRegisterRequest } from '@prep/contracts';
import { fromZodIssues, type TFormErrors } from './form-errors';

export type TAuthMode = 'sign-in' | 'sign-up';

export const AUTH_ENDPOINT = {
  'sign-in': '/api/auth/login',
  'sign-up': '/api/auth/register',
} as const satisfies Record<TAuthMode, `/api/${string}`>;

export type TAuthRequest = TLoginRequest | TRegisterRequest;

export type TBuildResult = { ok: true; request: TAuthRequest } | { ok: false; errors: TFormErrors };

/**
 * Turns raw form values into the request the API expects, validated by the same schema the API uses.
 * An empty optional display name is left out rather than sent as "".
 */
export function buildAuthRequest(mode: TAuthMode, values: Record<string, string | undefined>): TBuildResult {
  const email = values.email ?? '';
  const password = values.password ?? '';
  const parsed =
    mode === 'sign-in'
      ? ZLoginRequest.safeParse({ email, password })
      : ZRegisterRequest.safeParse({
          email,
          password,
          ...(values.displayName?.trim() ? { displayName: values.displayName } : {}),
        });
  if (!parsed.success) return { ok: false, errors: fromZodIssues(parsed.error.issues) };
  return { ok: true, request: parsed.data };
}

/** Where to go after signing in: a path on this site only (never another origin). */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
