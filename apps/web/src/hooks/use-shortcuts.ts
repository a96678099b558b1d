'use client';

import { useEffect, useRef } from 'react';
import { handlerFor, type TShortcutMap } from '../lib/keys';
import { usePlatform } from './use-platform';

/**
 * The one keyboard hook: binds shortcuts (see lib/keys) on the window while `enabled`, ignoring plain keys while
 * the learner types. Handlers are read at key time, so callers need not memoise them.
 */
export function useShortcuts(shortcuts: TShortcutMap, enabled = true): void {
  const platform = usePlatform();
  const latest = useRef(shortcuts);
  latest.current = shortcuts;

  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      // Space on a focused button would also click it: the shortcut wins, the click does not happen twice.
      const handler = handlerFor(event, latest.current, platform);
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, platform]);
}
