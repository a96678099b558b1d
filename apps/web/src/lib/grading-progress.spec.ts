import type { TSubmissionView } from '@prep/contracts';
import { gradingReducer, IDLE_PROGRESS, progressCounts, type TGradingProgress } from './grading-progress';

const id = '11111111-1111-4111-8111-111111111111';
const other = '22222222-2222-4222-8222-222222222222';

function view(verdict: 'accepted' | 'wrong_answer'): TSubmissionView {
  return {
    id,
    problemSlug: 'merge-sorted-array',
    problemVersion: 1,
    mode: 'submit',
    status: 'done',
    verdict,
    passed: verdict === 'accepted' ? 3 : 1,
    total: 3,
    runtimeMs: 4,
    createdAt: '2026-03-01T12:00:00.000Z',
    finishedAt: '2026-03-01T12:00:01.000Z',
    code: 'x',
    customTests: null,
    tests: [],
    compileErrors: [],
    message: null,
    timings: { queuedMs: 1, gradeMs: 10, cpuMs: 4, totalMs: 20 },
    startedAt: '2026-03-01T12:00:00.500Z',
    outcome: null,
  };
}

function run(...actions: Parameters<typeof gradingReducer>[1][]): TGradingProgress {
  return actions.reduce(gradingReducer, IDLE_PROGRESS);
}

describe('gradingReducer', () => {
  it('follows a submission from sending to its verdict, test by test', () => {
    let state = run({ type: 'send', mode: 'submit' }, { type: 'accepted', submissionId: id });
    expect(state.phase).toBe('queued');
    state = gradingReducer(state, { type: 'event', event: { type: 'started', submissionId: id, attempt: 1, total: 3 } });
    state = gradingReducer(state, { type: 'event', event: { type: 'test', submissionId: id, index: 0, status: 'passed', timeMs: 1 } });
    state = gradingReducer(state, { type: 'event', event: { type: 'test', submissionId: id, index: 1, status: 'wrong_answer' } });
    expect(state.phase).toBe('running');
    expect(progressCounts(state)).toEqual({ finished: 2, passed: 1 });
    state = gradingReducer(state, { type: 'event', event: { type: 'done', submission: view('wrong_answer') } });
    expect(state.phase).toBe('done');
    expect(state.result?.verdict).toBe('wrong_answer');
  });

  it('starts the per-test progress over when grading restarts on another worker', () => {
    let state = run({ type: 'send', mode: 'submit' }, { type: 'accepted', submissionId: id });
    state = gradingReducer(state, { type: 'event', event: { type: 'started', submissionId: id, attempt: 1, total: 3 } });
    state = gradingReducer(state, { type: 'event', event: { type: 'test', submissionId: id, index: 0, status: 'passed' } });
    state = gradingReducer(state, { type: 'event', event: { type: 'started', submissionId: id, attempt: 2, total: 3 } });
    expect(progressCounts(state)).toEqual({ finished: 0, passed: 0 });
  });

  it("ignores another submission's events and anything after done", () => {
    let state = run({ type: 'send', mode: 'run' }, { type: 'accepted', submissionId: id });
    state = gradingReducer(state, { type: 'event', event: { type: 'test', submissionId: other, index: 0, status: 'passed' } });
    expect(progressCounts(state).finished).toBe(0);
    state = gradingReducer(state, { type: 'event', event: { type: 'done', submission: view('accepted') } });
    const done = state;
    expect(gradingReducer(state, { type: 'event', event: { type: 'test', submissionId: id, index: 2, status: 'passed' } })).toBe(done);
  });
});
