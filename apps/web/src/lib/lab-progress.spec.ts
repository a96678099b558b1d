import type { TLabSubmissionView } from '@prep/contracts';
import { IDLE_LAB_PROGRESS, labProgressReducer, labStepIndex, type TLabProgress } from './lab-progress';

const id = '11111111-1111-4111-8111-111111111111';
const other = '22222222-2222-4222-8222-222222222222';

function view(verdict: 'accepted' | 'wrong_answer', device: 'cpu' | 'gpu' = 'cpu'): TLabSubmissionView {
  return {
    id,
    labSlug: 'mixed-precision-training',
    labVersion: 1,
    status: 'done',
    verdict,
    device,
    createdAt: '2026-03-01T12:00:00.000Z',
    finishedAt: '2026-03-01T12:00:05.000Z',
    code: 'x',
    message: null,
    checks: [],
    metrics: {},
    environment: { device, deviceName: device, torch: '2.6.0', python: '3.13', fp16: 'emulated' },
    output: '',
    wallTimeMs: 1200,
    worker: null,
    attempt: 1,
    startedAt: '2026-03-01T12:00:01.000Z',
    outcome: null,
  };
}

function sent(): TLabProgress {
  return labProgressReducer(labProgressReducer(IDLE_LAB_PROGRESS, { type: 'send' }), { type: 'accepted', submissionId: id });
}

describe('lab progress', () => {
  it('goes queued → running on the device the worker names → done', () => {
    let state = sent();
    expect(state.phase).toBe('queued');
    expect(labStepIndex(state)).toBe(0);
    state = labProgressReducer(state, { type: 'event', event: { type: 'queued', submissionId: id } });
    state = labProgressReducer(state, {
      type: 'event',
      event: { type: 'started', submissionId: id, attempt: 1, slot: { kind: 'cpu', index: 0 }, device: 'cpu' },
    });
    expect(state).toMatchObject({ phase: 'running', device: 'cpu', attempt: 1 });
    expect(labStepIndex(state)).toBe(1);
    state = labProgressReducer(state, { type: 'event', event: { type: 'done', submission: view('wrong_answer') } });
    expect(state).toMatchObject({ phase: 'done', device: 'cpu' });
    expect(state.result?.verdict).toBe('wrong_answer');
    expect(labStepIndex(state)).toBe(2);
  });

  it('ignores events of another submission, a replayed queued after start, and anything after done', () => {
    let state = sent();
    state = labProgressReducer(state, {
      type: 'event',
      event: { type: 'started', submissionId: other, attempt: 1, slot: null, device: 'gpu' },
    });
    expect(state.phase).toBe('queued');
    state = labProgressReducer(state, {
      type: 'event',
      event: { type: 'started', submissionId: id, attempt: 1, slot: null, device: 'cpu' },
    });
    state = labProgressReducer(state, { type: 'event', event: { type: 'queued', submissionId: id } });
    expect(state.phase).toBe('running');
    state = labProgressReducer(state, { type: 'event', event: { type: 'done', submission: view('accepted') } });
    const after = labProgressReducer(state, {
      type: 'event',
      event: { type: 'started', submissionId: id, attempt: 2, slot: null, device: 'cpu' },
    });
    expect(after).toBe(state);
  });

  it('shows a worker lost mid-job as a second attempt', () => {
    let state = sent();
    state = labProgressReducer(state, {
      type: 'event',
      event: { type: 'started', submissionId: id, attempt: 1, slot: null, device: 'cpu' },
    });
    state = labProgressReducer(state, {
      type: 'event',
      event: { type: 'started', submissionId: id, attempt: 2, slot: null, device: 'cpu' },
    });
    expect(state).toMatchObject({ phase: 'running', attempt: 2 });
  });

  it('shows an opened submission from the history as it stands', () => {
    const state = labProgressReducer(sent(), { type: 'show', result: view('accepted', 'gpu') });
    expect(state).toMatchObject({ phase: 'done', device: 'gpu', submissionId: id });
  });
});
