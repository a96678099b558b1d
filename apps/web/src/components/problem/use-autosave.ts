'use client';

import { ZSaveDraftResponse } from '@prep/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../lib/api/browser';
import { subscribeReachable } from '../../lib/api/status-store';
import { statusAfterSave, type TSaveState, type TSaveStatus } from '../../lib/draft-save';

export type { TSaveState, TSaveStatus } from '../../lib/draft-save';

const DEBOUNCE_MS = 800;
/** While offline, try again this often (and at once when the connection comes back). */
const OFFLINE_RETRY_MS = 10_000;

export type TAutosave = TSaveStatus & {
  /** Sends the editor's code now: after an error, or to keep this tab's code over a newer draft from elsewhere. */
  saveNow: () => void;
};

/**
 * Saves the editor's code as my draft a moment after I stop typing, and once more (keepalive) when the page is
 * hidden or closed. Each write carries the time I typed it; the server keeps the latest, so a slow request never
 * overwrites newer code. `initialSavedAt` is when the draft the editor starts from was saved (null: the starter).
 */
export function useAutosaveStatus(
  slug: string,
  code: string,
  initial: string,
  initialSavedAt: string | null = null,
  /** Where the draft is saved: a problem's by default, `/api/labs/<slug>/draft` for a lab. */
  draftUrl: `/api/${string}` = `/api/problems/${slug}/draft`,
): TAutosave {
  const [status, setStatus] = useState<TSaveStatus>({ state: initialSavedAt ? 'saved' : 'idle', savedAt: initialSavedAt, message: null });
  const saved = useRef(initial);
  const latest = useRef({ code, typedAt: new Date().toISOString() });
  const statusRef = useRef(status);
  statusRef.current = status;

  const save = useCallback(async () => {
    const { code: body, typedAt } = latest.current;
    setStatus((current) => ({ ...current, state: 'saving' }));
    const result = await api.put(draftUrl, ZSaveDraftResponse, { code: body, clientUpdatedAt: typedAt });
    if (result.ok && result.data.applied) saved.current = body;
    setStatus((current) => statusAfterSave(result, body, latest.current.code, current));
  }, [draftUrl]);

  useEffect(() => {
    if (code !== latest.current.code) latest.current = { code, typedAt: new Date().toISOString() };
    if (code === saved.current) {
      // Typed and taken back before the save went: nothing is unsaved.
      setStatus((current) =>
        current.state === 'unsaved' ? { ...current, state: current.savedAt ? 'saved' : 'idle', message: null } : current,
      );
      return undefined;
    }
    setStatus((current) => ({ ...current, state: 'unsaved' }));
    const timer = setTimeout(() => void save(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [code, save]);

  // Offline: send again when the API answers again (the "can't reach" banner probes it), the browser is back
  // online, or every few seconds.
  useEffect(() => {
    if (status.state !== 'offline') return undefined;
    const retry = () => {
      if (statusRef.current.state === 'offline') void save();
    };
    const unsubscribe = subscribeReachable(retry);
    window.addEventListener('online', retry);
    const timer = setInterval(retry, OFFLINE_RETRY_MS);
    return () => {
      unsubscribe();
      window.removeEventListener('online', retry);
      clearInterval(timer);
    };
  }, [status.state, save]);

  useEffect(() => {
    const flush = () => {
      const { code: body, typedAt } = latest.current;
      if (body === saved.current) return;
      void api.put(draftUrl, null, { code: body, clientUpdatedAt: typedAt }, { keepalive: true });
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [draftUrl]);

  const saveNow = useCallback(() => {
    // Keeping this tab's code over a newer draft: it is the latest choice, so it carries the time of the choice.
    if (statusRef.current.state === 'superseded') latest.current = { ...latest.current, typedAt: new Date().toISOString() };
    void save();
  }, [save]);

  return { ...status, saveNow };
}

/** The draft's save state alone (see useAutosaveStatus). */
export function useAutosave(slug: string, code: string, initial: string): TSaveState {
  return useAutosaveStatus(slug, code, initial).state;
}
