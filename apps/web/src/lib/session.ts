import { headers } from 'next/headers';
import { cache } from 'react';
import { webConfig } from './config';
import { viewerFromMeResponse, type TViewer } from './viewer';

const ME_TIMEOUT_MS = 5_000;

/**
 * Asks the API who the current request belongs to, forwarding only the browser's cookie header.
 * Cached per request, so the layout and the page share one call.
 */
export const getViewer = cache(async (): Promise<TViewer> => {
  const cookie = (await headers()).get('cookie');
  try {
    const response = await fetch(`${webConfig().API_URL}/api/me`, {
      headers: { accept: 'application/json', ...(cookie ? { cookie } : {}) },
      cache: 'no-store',
      signal: AbortSignal.timeout(ME_TIMEOUT_MS),
    });
    const body: unknown = await response.json().catch(() => undefined);
    return viewerFromMeResponse(response.status, body);
  } catch {
    return { status: 'unavailable' };
  }
});
