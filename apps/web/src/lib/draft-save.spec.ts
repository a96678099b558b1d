import { NETWORK_FAILURE } from './api/result';
import { statusAfterSave, type TSaveStatus } from './draft-save';

const before: TSaveStatus = { state: 'saving', savedAt: '2026-01-01T10:00:00.000Z', message: null };
const stored = (code: string, applied: boolean) => ({
  ok: true as const,
  status: 200,
  data: { applied, draft: { code, clientUpdatedAt: '2026-01-01T10:05:00.000Z', savedAt: '2026-01-01T10:05:01.000Z' } },
});

describe('statusAfterSave', () => {
  it('says saved only when the server stored exactly what the editor holds', () => {
    expect(statusAfterSave(stored('a', true), 'a', 'a', before)).toEqual({
      state: 'saved',
      savedAt: '2026-01-01T10:05:01.000Z',
      message: null,
    });
    // Typed on while the save was on its way: the next save is pending.
    expect(statusAfterSave(stored('a', true), 'a', 'ab', before).state).toBe('unsaved');
  });

  it('does not call a write the server ignored (a newer draft from elsewhere) saved', () => {
    const status = statusAfterSave(stored('from another tab', false), 'mine', 'mine', before);
    expect(status.state).toBe('superseded');
    expect(status.message).toMatch(/another tab/);
  });

  it('tells an unreachable server (offline, retried later) from a refusal', () => {
    expect(statusAfterSave(NETWORK_FAILURE, 'a', 'a', before)).toMatchObject({ state: 'offline', savedAt: before.savedAt });
    const gateway = { ok: false as const, status: 503, code: 'service_unavailable' as const, message: 'down' };
    expect(statusAfterSave(gateway, 'a', 'a', before).state).toBe('offline');
    const tooLarge = { ok: false as const, status: 413, code: 'payload_too_large' as const, message: 'Code over 64 KiB' };
    expect(statusAfterSave(tooLarge, 'a', 'a', before)).toMatchObject({ state: 'error', message: 'Code over 64 KiB' });
  });
});
