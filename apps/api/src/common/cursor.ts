import type { z } from 'zod';
import { AppError } from './app-error';

/** An opaque pagination cursor: the position after the last item of a page, as base64url JSON. */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** Reads a cursor made by encodeCursor; a forged or stale one is a 400 naming `query.cursor`. */
export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw AppError.validation([{ path: 'query.cursor', message: 'is not a cursor this list gave out' }]);
  return parsed.data;
}
