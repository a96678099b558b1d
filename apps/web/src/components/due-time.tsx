'use client';

import { useMounted } from '../hooks/use-mounted';
import { dateTime, relativeDue } from '../lib/format';

/**
 * When something is due, in the learner's browser's timezone ("tomorrow", "in 3 days", with the date and time when
 * asked). The server cannot know that timezone, so the server and the hydrating browser both render it for the
 * server's instant in UTC (the same text, no mismatch), and the browser then renders its own.
 */
export function DueTime({ iso, serverNow, withDate = false }: { iso: string; serverNow: string; withDate?: boolean }) {
  const mounted = useMounted();
  const now = mounted ? new Date() : new Date(serverNow);
  const timeZone = mounted ? undefined : 'UTC';
  return (
    <time dateTime={iso}>
      {relativeDue(iso, now, timeZone)}
      {withDate ? ` (${dateTime(iso, timeZone)})` : ''}
    </time>
  );
}
