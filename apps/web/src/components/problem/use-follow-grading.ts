'use client';

import { useEffect } from 'react';
import type { z } from 'zod';
import { api } from '../../lib/api/browser';
import { openEventStream } from '../../lib/sse';

/**
 * Follows a submission (problem or lab) being graded: its Server-Sent Events go to `dispatch` (reconnecting as
 * needed); if the stream cannot be kept open, it polls `<base>/<id>` until the submission is done.
 * Every option must be stable (module constants, a reducer's dispatch): a change restarts the stream.
 */
export function useFollowGrading<E, V extends { status: string }>({
  submissionId,
  base,
  events,
  eventSchema,
  viewSchema,
  pollMs,
  dispatch,
}: {
  /** The submission to follow; null follows none. */
  submissionId: string | null;
  base: `/api/${string}`;
  events: readonly string[];
  eventSchema: z.ZodType<E>;
  viewSchema: z.ZodType<V>;
  pollMs: number;
  dispatch: (action: { type: 'event'; event: E } | { type: 'show'; result: V }) => void;
}): void {
  useEffect(() => {
    if (!submissionId) return undefined;
    let poll: ReturnType<typeof setInterval> | undefined;
    const startPolling = () => {
      poll ??= setInterval(async () => {
        const result = await api.get(`${base}/${submissionId}`, viewSchema);
        if (result.ok && result.data.status === 'done') dispatch({ type: 'show', result: result.data });
      }, pollMs);
    };
    const stream = openEventStream({
      url: `${base}/${submissionId}/events`,
      events,
      onEvent: (event) => {
        const parsed = eventSchema.safeParse(event.data);
        if (parsed.success) dispatch({ type: 'event', event: parsed.data });
      },
      isFinal: (event) => event.type === 'done',
      onStatus: (status) => {
        if (status === 'failed') startPolling();
      },
    });
    return () => {
      stream.close();
      if (poll) clearInterval(poll);
    };
  }, [submissionId, base, events, eventSchema, viewSchema, pollMs, dispatch]);
}
