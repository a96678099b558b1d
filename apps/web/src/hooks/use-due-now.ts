'use client';

import type { TKindCounts } from '@prep/contracts';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { getDueNow, setDueNow, subscribeDueNow } from '../lib/due-now-store';

const countsKey = (counts: TKindCounts | null) => (counts ? `${counts.card}/${counts.problem}/${counts.lab}/${counts.total}` : 'none');

/**
 * What is due now, as the whole app knows it. A server-rendered value (`fromServer`, fetched with the page) is newer
 * than the store when the page arrives, so it is shown first and then adopted by the store; later refreshes win.
 */
export function useDueNow(fromServer: TKindCounts | null): TKindCounts | null {
  const stored = useSyncExternalStore(subscribeDueNow, getDueNow, () => null);
  const key = countsKey(fromServer);
  const [adopted, setAdopted] = useState<string | null>(null);
  useEffect(() => {
    if (fromServer) setDueNow(fromServer);
    setAdopted(key);
    // `key` stands for fromServer's contents: a new object with the same counts changes nothing.
  }, [key]);
  return adopted === key ? (stored ?? fromServer) : fromServer;
}
