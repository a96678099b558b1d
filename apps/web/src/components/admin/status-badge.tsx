import { Lock } from 'lucide-react';

const STATUS_TONE = { draft: 'warning', published: 'success', archived: 'neutral' } as const;
const STATUS_LABEL = { draft: 'Draft', published: 'Published', archived: 'Archived' } as const;

/** draft / published / archived, in the same colours everywhere in the admin area. */
export function StatusBadge({ status }: { status: 'draft' | 'published' | 'archived' }) {
  const tone = STATUS_TONE[status];
  return <span className={`badge${tone === 'neutral' ? '' : ` badge--${tone}`}`}>{STATUS_LABEL[status]}</span>;
}

/** Where content comes from: the repository (read-only here) or an admin. */
export function SourceBadge({ source }: { source: 'builtin' | 'authored' }) {
  return source === 'builtin' ? (
    <span className="badge badge--info" title="From packages/problems: read-only here">
      <Lock size={11} aria-hidden="true" /> Built-in
    </span>
  ) : (
    <span className="badge badge--accent">Authored</span>
  );
}
