'use client';

import type { TKindCounts } from '@prep/contracts';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { useDueNow } from '../../hooks/use-due-now';
import { titleWithDueCount } from '../../lib/due-title';
import { refreshDueNow } from '../../lib/due-now-store';

/** Learning steps come due by the minute, so the count is read again this often while the page is in view. */
const REFRESH_MS = 60_000;

/**
 * Keeps "(12) " in front of every signed-in page's title: the count from the server render first, then fresh after
 * each navigation, when the tab comes back into view, every minute while it is in view, and whenever something
 * that changes it (a rating, a graded submit) asks for a refresh. Next.js sets each page's own title; a
 * MutationObserver puts the count back in front of it.
 */
export function DueCountTitle({ initial }: { initial: TKindCounts | null }) {
  const dueNow = useDueNow(initial);
  const count = dueNow?.total ?? null;
  const pathname = usePathname();

  useEffect(() => {
    const apply = () => {
      const next = titleWithDueCount(document.title, count);
      if (next !== document.title) document.title = next;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = titleWithDueCount(document.title, null);
    };
  }, [count]);

  const shownPath = useRef(pathname);
  useEffect(() => {
    // The first page came with its count (unless the server could not read it); a later one, reached by client
    // navigation, may follow a change made elsewhere.
    if (shownPath.current === pathname && initial) return;
    shownPath.current = pathname;
    void refreshDueNow();
  }, [pathname]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refreshDueNow();
    };
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refreshDueNow();
    }, REFRESH_MS);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);

  return null;
}
