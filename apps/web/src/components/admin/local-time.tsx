'use client';

import { useMounted } from '../../hooks/use-mounted';
import { dateTime, shortDate } from '../../lib/format';

/** An instant in the browser's timezone (UTC on the server and while hydrating, so both render the same text). */
export function LocalTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  const timeZone = useMounted() ? undefined : 'UTC';
  return (
    <time dateTime={iso} title={iso}>
      {dateOnly ? shortDate(iso, timeZone) : dateTime(iso, timeZone)}
    </time>
  );
}
