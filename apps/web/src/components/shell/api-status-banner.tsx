'use client';

import { WifiOff } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useSyncExternalStore } from 'react';
import { isReachable, reportReachable, subscribeReachable } from '../../lib/api/status-store';

const PROBE_MS = 5_000;

/**
 * "We can't reach the service" across the top of every page while the API is down: shown when the server could
 * not reach it while rendering, or when a call from the browser got no answer. It probes /api/health until the
 * API answers, then refreshes the page's data and goes away.
 */
export function ApiStatusBanner({ downOnServer }: { downOnServer: boolean }) {
  const router = useRouter();
  const reachable = useSyncExternalStore(subscribeReachable, isReachable, () => !downOnServer);
  const down = !reachable || downOnServer;

  useEffect(() => {
    if (downOnServer) reportReachable(false);
  }, [downOnServer]);

  useEffect(() => {
    if (reachable) return undefined;
    const timer = setInterval(async () => {
      try {
        const response = await fetch('/api/health', { cache: 'no-store' });
        if (response.ok) {
          reportReachable(true);
          router.refresh();
        }
      } catch {
        // still down
      }
    }, PROBE_MS);
    return () => clearInterval(timer);
  }, [reachable, router]);

  if (!down) return null;
  return (
    <div className="api-down" role="alert" data-testid="api-down">
      <div className="api-down__inner">
        <WifiOff size={16} aria-hidden="true" />
        <span>We can’t reach the Recall Prep service right now. Your work is safe; we’ll reconnect automatically.</span>
      </div>
    </div>
  );
}
