/**
 * Whether the browser can reach the API right now, shared by every client component: the browser client
 * reports each answer (or the lack of one) here and the "API down" banner subscribes.
 */
type TListener = () => void;

let reachable = true;
const listeners = new Set<TListener>();

export function reportReachable(value: boolean): void {
  if (value === reachable) return;
  reachable = value;
  for (const listener of listeners) listener();
}

export function isReachable(): boolean {
  return reachable;
}

export function subscribeReachable(listener: TListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
