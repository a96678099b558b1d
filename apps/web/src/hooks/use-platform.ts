'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/** "mac" where Cmd is the shortcut modifier. The server (and the first paint) assume "other". */
export function usePlatform(): 'mac' | 'other' {
  return useSyncExternalStore(
    subscribe,
    () => (/Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? 'mac' : 'other'),
    () => 'other',
  );
}
