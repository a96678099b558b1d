'use client';

import { ZLabSubmissionCreated, ZLabSubmissionEvent, ZLabSubmissionView } from '@prep/contracts';
import { useEffect, useReducer } from 'react';
import { api } from '../../lib/api/browser';
import { IDLE_LAB_PROGRESS, labProgressReducer, type TLabProgress, type TLabProgressAction } from '../../lib/lab-progress';
import { openEventStream } from '../../lib/sse';

const EVENTS = ['queued', 'started', 'done'] as const;
const POLL_MS = 2_000;

/**
 * Submits a lab solution and follows its grading live over Server-Sent Events (reconnecting as needed); if the
 * stream cannot be kept open, it polls the submission until it is done.
 */
export function useLabGrading(slug: string): {
  progress: TLabProgress;
  /** Resolves to the new submission's id (null when it was not accepted for grading). */
  submit: (code: string) => Promise<string | null>;
  dispatch: (action: TLabProgressAction) => void;
} {
  const [progress, dispatch] = useReducer(labProgressReducer, IDLE_LAB_PROGRESS);
  const following = progress.phase === 'queued' || progress.phase === 'running' ? progress.submissionId : null;

  useEffect(() => {
    if (!following) return undefined;
    let poll: ReturnType<typeof setInterval> | undefined;
    const startPolling = () => {
      poll ??= setInterval(async () => {
        const result = await api.get(`/api/lab-submissions/${following}`, ZLabSubmissionView);
        if (result.ok && result.data.status === 'done') dispatch({ type: 'show', result: result.data });
      }, POLL_MS);
    };
    const stream = openEventStream({
      url: `/api/lab-submissions/${following}/events`,
      events: EVENTS,
      onEvent: (event) => {
        const parsed = ZLabSubmissionEvent.safeParse(event.data);
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
  }, [following]);

  async function submit(code: string): Promise<string | null> {
    dispatch({ type: 'send' });
    const result = await api.post(`/api/labs/${slug}/submissions`, ZLabSubmissionCreated, { code });
    if (!result.ok) {
      dispatch({ type: 'failed', error: result.message });
      return null;
    }
    dispatch({ type: 'accepted', submissionId: result.data.id });
    return result.data.id;
  }

  return { progress, submit, dispatch };
}
