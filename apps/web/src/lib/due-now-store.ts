import { ZStatsResponse, type TKindCounts } from '@prep/contracts';
import { api } from './api/browser';

/**
 * What is due now (`GET /api/stats` `today.dueNow`, the count reminders use), shared by the page title and the
 * dashboard. Anything that changes it (a rating, an undo, a graded outcome) calls `refreshDueNow`; a refresh asked
 * for while one is in flight runs once more after it, so the last answer always reflects the last change.
 */
type TListener = () => void;

let dueNow: TKindCounts | null = null;
const listeners = new Set<TListener>();
let inFlight: Promise<void> | null = null;
let again = false;

export function getDueNow(): TKindCounts | null {
  return dueNow;
}

export function setDueNow(value: TKindCounts | null): void {
  if (value === dueNow || (value && dueNow && sameCounts(value, dueNow))) return;
  dueNow = value;
  for (const listener of listeners) listener();
}

export function subscribeDueNow(listener: TListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function refreshDueNow(): Promise<void> {
  if (inFlight) {
    again = true;
    return inFlight;
  }
  inFlight = (async () => {
    do {
      again = false;
      const result = await api.get('/api/stats', ZStatsResponse);
      // Signed out or unreachable: keep what is shown (the banner or the sign-in page says the rest).
      if (result.ok) setDueNow(result.data.today.dueNow);
    } while (again);
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

function sameCounts(a: TKindCounts, b: TKindCounts): boolean {
  return a.card === b.card && a.problem === b.problem && a.lab === b.lab && a.total === b.total;
}
