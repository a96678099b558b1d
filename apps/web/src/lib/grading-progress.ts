import type { TGradeMode, TSubmissionEvent, TSubmissionView, TTestStatus } from '@prep/contracts';

/**
 * What the problem page knows about the submission being graded, folded from its Server-Sent Events.
 * A second `started` (a worker was lost and grading began again) drops the test events seen so far.
 */
export type TGradingProgress = {
  submissionId: string | null;
  mode: TGradeMode;
  phase: 'idle' | 'sending' | 'queued' | 'running' | 'done' | 'failed';
  total: number | null;
  /** Status per finished test index. */
  tests: Record<number, TTestStatus>;
  result: TSubmissionView | null;
  error: string | null;
};

export const IDLE_PROGRESS: TGradingProgress = {
  submissionId: null,
  mode: 'run',
  phase: 'idle',
  total: null,
  tests: {},
  result: null,
  error: null,
};

export type TGradingAction =
  | { type: 'send'; mode: TGradeMode }
  | { type: 'accepted'; submissionId: string }
  | { type: 'event'; event: TSubmissionEvent }
  | { type: 'failed'; error: string }
  | { type: 'show'; result: TSubmissionView };

export function gradingReducer(state: TGradingProgress, action: TGradingAction): TGradingProgress {
  switch (action.type) {
    case 'send':
      return { ...IDLE_PROGRESS, mode: action.mode, phase: 'sending' };
    case 'accepted':
      return { ...state, submissionId: action.submissionId, phase: 'queued' };
    case 'failed':
      return { ...state, phase: 'failed', error: action.error };
    case 'show':
      return { ...IDLE_PROGRESS, submissionId: action.result.id, mode: action.result.mode, phase: 'done', result: action.result };
    case 'event': {
      const { event } = action;
      const id = event.type === 'done' ? event.submission.id : event.submissionId;
      if (state.submissionId !== null && id !== state.submissionId) return state;
      if (state.phase === 'done') return state;
      switch (event.type) {
        case 'queued':
          return { ...state, phase: 'queued' };
        case 'started':
          return { ...state, phase: 'running', total: event.total, tests: {} };
        case 'test':
          return { ...state, phase: 'running', tests: { ...state.tests, [event.index]: event.status } };
        case 'done':
          return { ...state, phase: 'done', result: event.submission, total: event.submission.total ?? state.total };
      }
    }
  }
}

/** Finished tests and how many of them passed, for the live progress line. */
export function progressCounts(state: TGradingProgress): { finished: number; passed: number } {
  const statuses = Object.values(state.tests);
  return { finished: statuses.length, passed: statuses.filter((status) => status === 'passed').length };
}
