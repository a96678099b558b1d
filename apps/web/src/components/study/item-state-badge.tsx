import type { TItemState } from '@prep/contracts';

/** Where an item stands for me, in one badge: New, Learning, due, Review in N days, Suspended, Leech. */
export function ItemStateBadge({ state }: { state: TItemState }) {
  if (state.retired) return <span className="badge">Retired</span>;
  if (state.suspended) return <span className="badge badge--warning">{state.leech ? 'Leech · suspended' : 'Suspended'}</span>;
  if (state.buriedUntil) return <span className="badge">Buried</span>;
  if (state.dueNow) return <span className="badge badge--accent">Due now</span>;
  switch (state.state) {
    case 'new':
      return <span className="badge badge--info">New</span>;
    case 'learning':
    case 'relearning':
      return <span className="badge badge--warning">Learning</span>;
    default:
      return <span className="badge badge--success">Review</span>;
  }
}
