'use client';

import { ZSubmissionCreated, ZSubmissionEvent, ZSubmissionView, type TGradeMode } from '@prep/contracts';
import { useReducer } from 'react';
import { api } from '../../lib/api/browser';
import { gradingReducer, IDLE_PROGRESS, type TGradingAction, type TGradingProgress } from '../../lib/grading-progress';
import { useFollowGrading } from './use-follow-grading';

const EVENTS = ['queued', 'started', 'test', 'done'] as const;
const POLL_MS = 1_000;

/**
 * Sends a run or a submit and follows it live over Server-Sent Events (reconnecting as needed); if the stream
 * cannot be kept open, it polls the submission until it is done.
 */
export function useGrading(slug: string): {
  progress: TGradingProgress;
  send: (mode: TGradeMode, code: string, customTests?: { args: unknown[] }[]) => Promise<void>;
  dispatch: (action: TGradingAction) => void;
} {
  const [progress, dispatch] = useReducer(gradingReducer, IDLE_PROGRESS);
  const following = progress.phase === 'queued' || progress.phase === 'running' ? progress.submissionId : null;

  useFollowGrading({
    submissionId: following,
    base: '/api/submissions',
    events: EVENTS,
    eventSchema: ZSubmissionEvent,
    viewSchema: ZSubmissionView,
    pollMs: POLL_MS,
    dispatch,
  });

  async function send(mode: TGradeMode, code: string, customTests?: { args: unknown[] }[]) {
    dispatch({ type: 'send', mode });
    const result = await api.post(`/api/problems/${slug}/submissions`, ZSubmissionCreated, {
      code,
      mode,
      ...(customTests && customTests.length > 0 ? { customTests } : {}),
    });
    if (!result.ok) {
      dispatch({ type: 'failed', error: result.message });
      return;
    }
    dispatch({ type: 'accepted', submissionId: result.data.id });
  }

  return { progress, send, dispatch };
}
