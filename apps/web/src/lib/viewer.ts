import { ZMeResponse, type TUser } from '@prep/contracts';

/** Who is looking at the page, as far as the API can tell. */
export type TViewer = { status: 'signed-in'; user: TUser } | { status: 'signed-out' } | { status: 'unavailable' };

/** Interprets the API's answer to GET /api/me. */
export function viewerFromMeResponse(status: number, body: unknown): TViewer {
  if (status === 401) return { status: 'signed-out' };
  if (status !== 200) return { status: 'unavailable' };
  const parsed = ZMeResponse.safeParse(body);
  return parsed.success ? { status: 'signed-in', user: parsed.data.user } : { status: 'unavailable' };
}
