import type { TSaveDraftResponse } from '@prep/contracts';
import { isUnavailable, type TApiResult } from './api/result';

/**
 * What the draft indicator says, and only what is true:
 * - `idle`: nothing to save (the starter, or nothing typed and no draft stored yet);
 * - `unsaved`: typed, the save is about to go (a moment after the last key);
 * - `saving`: the save is on its way;
 * - `saved`: the server holds exactly what the editor holds;
 * - `offline`: the server could not be reached; it is sent again when it can be;
 * - `superseded`: the server kept a newer draft typed elsewhere (another tab or device), not this one;
 * - `error`: the server refused it (too large, signed out…), with its message.
 */
export type TSaveState = 'idle' | 'unsaved' | 'saving' | 'saved' | 'offline' | 'superseded' | 'error';

export type TSaveStatus = { state: TSaveState; savedAt: string | null; message: string | null };

/** The status after a save of `sent` came back, while the editor holds `current`. */
export function statusAfterSave(result: TApiResult<TSaveDraftResponse>, sent: string, current: string, before: TSaveStatus): TSaveStatus {
  if (!result.ok) {
    return { state: isUnavailable(result) ? 'offline' : 'error', savedAt: before.savedAt, message: result.message };
  }
  if (!result.data.applied) {
    return {
      state: 'superseded',
      savedAt: result.data.draft.savedAt,
      message: 'A newer draft, typed in another tab or on another device, is the one saved.',
    };
  }
  return { state: current === sent ? 'saved' : 'unsaved', savedAt: result.data.draft.savedAt, message: null };
}
