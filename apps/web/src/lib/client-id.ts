/** A fresh id for one user action (a rating, an override): the API applies a repeated id once. */
export function newClientId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** Retries a call that got no answer at all (status 0), with the same request, so a flaky network does not lose it. */
export async function withRetry<T extends { ok: boolean; status: number }>(
  call: () => Promise<T>,
  attempts = 3,
  delayMs = 600,
): Promise<T> {
  let result = await call();
  for (let attempt = 1; attempt < attempts && !result.ok && result.status === 0; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, delayMs * attempt));
    result = await call();
  }
  return result;
}
