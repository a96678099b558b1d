'use client';

import { ZSaveDraftResponse } from '@prep/contracts';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../lib/api/browser';

export type TSaveState = 'saved' | 'unsaved' | 'saving' | 'error';

const DEBOUNCE_MS = 800;

/**
 * Saves the editor's code as my draft a moment after I stop typing, and once more (keepalive) when the page is
 * hidden or closed. Each write carries the time I typed it; the server keeps the latest, so a slow request
 * never overwrites newer code.
 */
export function useAutosave(slug: string, code: string, initial: string): TSaveState {
  const [state, setState] = useState<TSaveState>('saved');
  const saved = useRef(initial);
  const latest = useRef({ code, typedAt: new Date().toISOString() });

  useEffect(() => {
    if (code === saved.current) return undefined;
    latest.current = { code, typedAt: new Date().toISOString() };
    setState('unsaved');
    const timer = setTimeout(async () => {
      const { code: body, typedAt } = latest.current;
      setState('saving');
      const result = await api.put(`/api/problems/${slug}/draft`, ZSaveDraftResponse, { code: body, clientUpdatedAt: typedAt });
      if (result.ok) {
        saved.current = body;
        setState(latest.current.code === body ? 'saved' : 'unsaved');
      } else setState('error');
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [code, slug]);

  useEffect(() => {
    const flush = () => {
      const { code: body, typedAt } = latest.current;
      if (body === saved.current) return;
      void api.put(`/api/problems/${slug}/draft`, null, { code: body, clientUpdatedAt: typedAt }, { keepalive: true });
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
  }, [slug]);

  return state;
}
