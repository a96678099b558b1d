import { CheckCircle2, Circle, CircleDot, Clock } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { capitalise } from '../lib/format';
import { DueTime } from './due-time';

// Cells shared by the problem and lab lists.

type TPracticeStatus = 'solved' | 'attempted' | 'due' | 'new';

const STATUS_ICON: Record<TPracticeStatus, ReactNode> = {
  solved: <CheckCircle2 size={16} className="status-icon status-icon--solved" aria-label="Solved" />,
  attempted: <CircleDot size={16} className="status-icon status-icon--attempted" aria-label="Attempted" />,
  due: <Clock size={16} className="status-icon status-icon--due" aria-label="Due for review" />,
  new: <Circle size={16} className="status-icon status-icon--new" aria-label="Not started" />,
};

/** The first cells of a problem or lab row: my status, the linked title, the difficulty. */
export function ItemLeadCells({
  status,
  href,
  title,
  difficulty,
}: {
  status: TPracticeStatus;
  href: string;
  title: string;
  difficulty: string;
}) {
  return (
    <>
      <td>{STATUS_ICON[status]}</td>
      <td>
        <Link href={href}>{title}</Link>
      </td>
      <td>
        <DifficultyBadge difficulty={difficulty} />
      </td>
    </>
  );
}

export function DifficultyBadge({ difficulty }: { difficulty: string }) {
  return <span className={`difficulty difficulty--${difficulty}`}>{capitalise(difficulty)}</span>;
}

/** The first three tags. */
export function TagBadges({ tags }: { tags: readonly string[] }) {
  return (
    <span className="tag-list">
      {tags.slice(0, 3).map((tag) => (
        <span key={tag} className="badge">
          {tag}
        </span>
      ))}
    </span>
  );
}

/** When the item comes back for review: due now, a time, or a dash when it is not scheduled. */
export function DueText({ status, due, now }: { status: TPracticeStatus; due: string | null; now: Date }) {
  if (status === 'due') return <strong className="due-text">Due now</strong>;
  if (due) {
    return (
      <span className="muted">
        <DueTime iso={due} serverNow={now.toISOString()} />
      </span>
    );
  }
  return <span className="muted">–</span>;
}
