import type { TConceptState } from '@prep/contracts';

const BADGE: Record<TConceptState, { label: string; tone: string }> = {
  new: { label: 'Not studied', tone: 'badge--info' },
  learning: { label: 'Learning', tone: 'badge--warning' },
  review: { label: 'In review', tone: 'badge--success' },
  relearning: { label: 'Relearning', tone: 'badge--warning' },
};

/** My FSRS state of a concept card, in words (`new` is a card I never studied). */
export function ConceptStateBadge({ state }: { state: TConceptState }) {
  const { label, tone } = BADGE[state];
  return (
    <span className={`badge ${tone}`} data-state={state}>
      {label}
    </span>
  );
}
