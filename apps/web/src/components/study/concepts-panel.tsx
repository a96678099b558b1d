'use client';

import type { TConceptLink, TConceptState } from '@prep/contracts';
import { ChevronRight } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { Markdown } from '../markdown';
import { ConceptCardDialog } from './concept-card-dialog';
import { ConceptStateBadge } from './concept-state-badge';

/**
 * "Concepts behind this problem": the concept cards it builds on, most fundamental first, each with my state.
 * Each opens as a short review in a dialog (answer, rating when due, its other practice problems).
 */
export function ConceptsPanel({
  concepts,
  problemSlug,
  title = 'Concepts behind this problem',
  onStateChange,
}: {
  concepts: readonly TConceptLink[];
  /** The page's own problem, left out of each card's "Also practised in". */
  problemSlug?: string;
  title?: string;
  onStateChange?: (cardId: string, state: TConceptState) => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const id = useId();
  if (concepts.length === 0) return null;
  return (
    <section className="concepts" aria-labelledby={`${id}-title`} data-testid="concepts">
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="muted small concepts__lead">
        The cards it builds on, most fundamental first. Failing it brings them into your reviews: the ones you studied come due at once, the
        others are introduced next.
      </p>
      <ol className="concept-list">
        {concepts.map((concept, index) => (
          <li key={concept.id} className="concept" data-testid={`concept-${concept.id}`}>
            <div className="concept__front" id={`${id}-${index}`}>
              <Markdown>{concept.front}</Markdown>
            </div>
            <ConceptStateBadge state={concept.state} />
            <button
              type="button"
              className="concept__open"
              aria-describedby={`${id}-${index}`}
              onClick={(event) => {
                opener.current = event.currentTarget;
                setOpen(concept.id);
              }}
            >
              <span className="sr-only">Open concept card {index + 1}</span>
              <ChevronRight size={16} aria-hidden="true" />
            </button>
          </li>
        ))}
      </ol>
      <ConceptCardDialog
        cardId={open}
        exclude={problemSlug}
        returnFocusTo={() => opener.current}
        onClose={() => setOpen(null)}
        onRated={(state) => {
          if (open) onStateChange?.(open, state.state);
        }}
      />
    </section>
  );
}
