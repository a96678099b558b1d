import { z } from 'zod';
import { apiRequest } from './api/browser';
import { formErrorsOf, type TFormErrors } from './form-errors';

export type TPostResult = { ok: true; body: unknown } | { ok: false; errors: TFormErrors };

/** POSTs a form's JSON to the same-origin API and returns what the form shows on failure. */
export async function postJson(path: `/api/${string}`, payload: unknown): Promise<TPostResult> {
  const result = await apiRequest('POST', path, z.unknown(), payload);
  return result.ok ? { ok: true, body: result.data } : { ok: false, errors: formErrorsOf(result) };
}
