import { randomUUID } from 'node:crypto';

/** A learner signed up through the API over HTTP, with the session cookie to send. */
export type TLearner = { id: string; email: string; cookie: string };

export type TJsonResponse = { status: number; headers: Headers; body: unknown };

export async function requestJson(
  baseUrl: string,
  path: string,
  options: { method?: string; cookie?: string; body?: unknown } = {},
): Promise<TJsonResponse> {
  const response = await fetch(`${baseUrl}/api${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : null };
}

export async function signUp(baseUrl: string): Promise<TLearner> {
  const email = `e2e-${randomUUID()}@example.com`;
  const response = await fetch(`${baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'correct horse battery' }),
  });
  if (response.status !== 201) throw new Error(`sign-up failed: HTTP ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('prep_session='));
  if (!cookie) throw new Error('sign-up set no session cookie');
  const { user } = (await response.json()) as { user: { id: string } };
  return { id: user.id, email, cookie };
}
