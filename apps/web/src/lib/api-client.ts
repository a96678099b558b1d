import { fromApiError, NETWORK_ERROR, type TFormErrors } from './form-errors';

export type TPostResult = { ok: true; body: unknown } | { ok: false; errors: TFormErrors };

/** POSTs JSON to the same-origin API (the web server proxies /api to it, so the session cookie is first-party). */
export async function postJson(path: `/api/${string}`, payload: unknown): Promise<TPostResult> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(payload),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, errors: NETWORK_ERROR };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) return { ok: false, errors: fromApiError(response.status, body) };
  return { ok: true, body };
}
