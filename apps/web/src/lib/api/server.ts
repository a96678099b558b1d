import { headers } from 'next/headers';
import type { z } from 'zod';
import { webConfig } from '../config';
import { NETWORK_FAILURE, readResponse, type TApiResult } from './result';

const TIMEOUT_MS = 8_000;

/**
 * Server components read the API directly (not through the proxy), forwarding only the browser's cookie so the
 * API sees the same session. Never cached: every page shows the learner's current state.
 */
export async function serverGet<S extends z.ZodType>(path: `/api/${string}`, schema: S): Promise<TApiResult<z.output<S>>> {
  const cookie = (await headers()).get('cookie');
  try {
    const response = await fetch(`${webConfig().API_URL}${path}`, {
      headers: { accept: 'application/json', ...(cookie ? { cookie } : {}) },
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return await readResponse(response, schema);
  } catch {
    return NETWORK_FAILURE;
  }
}
