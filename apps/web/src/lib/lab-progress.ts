import type { TLabSubmissionEvent, TLabSubmissionView } from '@prep/contracts';

/**
 * What the lab page knows about the submission being graded, folded from its Server-Sent Events:
 * sent → queued (waiting for a free slot) → running on a CPU or GPU slot → done. A second `started` (a lab worker
 * was lost and grading began again) only updates the attempt and the device.
 */
export type TLabProgress = {
  submissionId: string | null;
  phase: 'idle' | 'sending' | 'queued' | 'running' | 'done' | 'failed';
  device: 'cpu' | 'gpu' | null;
  attempt: number;
  result: TLabSubmissionView | null;
  error: string | null;
};

export const IDLE_LAB_PROGRESS: TLabProgress = { submissionId: null, phase: 'idle', device: null, attempt: 0, result: null, error: null };

export type TLabProgressAction =
  | { type: 'send' }
  | { type: 'accepted'; submissionId: string }
  | { type: 'event'; event: TLabSubmissionEvent }
  | { type: 'failed'; error: string }
  | { type: 'show'; result: TLabSubmissionView };

export function labProgressReducer(state: TLabProgress, action: TLabProgressAction): TLabProgress {
  switch (action.type) {
    case 'send':
      return { ...IDLE_LAB_PROGRESS, phase: 'sending' };
    case 'accepted':
      return { ...state, submissionId: action.submissionId, phase: 'queued' };
    case 'failed':
      return { ...state, phase: 'failed', error: action.error };
    case 'show':
      return {
        ...IDLE_LAB_PROGRESS,
        submissionId: action.result.id,
        phase: action.result.status === 'done' ? 'done' : action.result.status,
        device: action.result.device,
        attempt: action.result.attempt ?? 0,
        result: action.result,
      };
    case 'event': {
      const { event } = action;
      const id = event.type === 'done' ? event.submission.id : event.submissionId;
      if (state.submissionId !== null && id !== state.submissionId) return state;
      if (state.phase === 'done') return state;
      switch (event.type) {
        case 'queued':
          return state.phase === 'running' ? state : { ...state, phase: 'queued' };
        case 'started':
          return { ...state, phase: 'running', attempt: event.attempt, device: event.device ?? event.slot?.kind ?? state.device };
        case 'done':
          return { ...state, phase: 'done', result: event.submission, device: event.submission.device ?? state.device };
      }
    }
  }
}

/** The steps of the live view, and which one the submission is at. */
export const LAB_STEPS = ['queued', 'running', 'done'] as const;

export function labStepIndex(progress: TLabProgress): number {
  if (progress.phase === 'done') return 2;
  if (progress.phase === 'running') return 1;
  return 0;
}
