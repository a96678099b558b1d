import type { TPracticeLink } from '@prep/contracts';
import { Code2 } from 'lucide-react';
import Link from 'next/link';
import { useId } from 'react';

/** "Practise it": the problems that put a concept card to use, each a link to its problem page. */
export function PracticeLinks({
  links,
  title = 'Practise it',
  exclude,
}: {
  links: readonly TPracticeLink[];
  title?: string;
  exclude?: string;
}) {
  const id = useId();
  const shown = exclude ? links.filter((link) => link.slug !== exclude) : links;
  if (shown.length === 0) return null;
  return (
    <section className="practice" aria-labelledby={id} data-testid="practice-links">
      <h3 id={id} className="practice__title">
        <Code2 size={15} aria-hidden="true" /> {title}
      </h3>
      <ul className="practice__list">
        {shown.map((link) => (
          <li key={link.slug}>
            <Link href={`/problems/${link.slug}`} className="practice__link">
              {link.title}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
