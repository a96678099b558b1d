'use client';

import { ZLabSubmissionCreated, ZLabSubmissionEvent, ZLabSubmissionView } from '@prep/contracts';
import { useReducer } from 'react';
import { api } from '../../lib/api/browser';
import { IDLE_LAB_PROGRESS, labProgressReducer, type TLabProgress, type TLabProgressAction } from '../../lib/lab-progress';
import { useFollowGrading } from '../problem/use-follow-grading';

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

  useFollowGrading({
    submissionId: following,
    base: '/api/lab-submissions',
    events: EVENTS,
    eventSchema: ZLabSubmissionEvent,
    viewSchema: ZLabSubmissionView,
    pollMs: POLL_MS,
    dispatch,
  });

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
