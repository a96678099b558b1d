'use client';

import { useSyncExternalStore } from 'react';

const subscribeNothing = () => () => undefined;

/** False on the server and while hydrating, true after: for what only the browser knows (its clock, its timezone). */
export function useMounted(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}
