'use client';

import { ZAdminProblem, ZProblemVersionDiff, type TProblemVersionDiff, type TProblemVersionSummary } from '@prep/contracts';
import { GitCompare, RotateCcw } from 'lucide-react';
import { useState } from 'react';
import { api } from '../../../lib/api/browser';
import { ConfirmDialog } from '../../ui/dialog';
import { LocalTime } from '../local-time';
import { useAdminCall } from '../use-admin-call';
import { CheckStateBadge } from './check-report';

const STATE_BADGE = { draft: 'badge--warning', published: 'badge--success', superseded: '' } as const;

/** Every version of the problem, newest first: what changed from the one before, and restore (as a new draft). */
export function ProblemHistory({ slug, versions, readOnly }: { slug: string; versions: TProblemVersionSummary[]; readOnly: boolean }) {
  const [open, setOpen] = useState<number | null>(null);
  const [diffs, setDiffs] = useState<Record<number, TProblemVersionDiff>>({});
  const { call, pending } = useAdminCall();

  async function showDiff(number: number) {
    if (open === number) {
      setOpen(null);
      return;
    }
    setOpen(number);
    if (diffs[number]) return;
    const result = await call(
      () => api.get(`/api/admin/problems/${slug}/versions/${number}/diff`, ZProblemVersionDiff),
      { failure: 'Could not compare the versions' },
      { refresh: false },
    );
    if (result.ok) setDiffs((current) => ({ ...current, [number]: result.data }));
  }

  if (versions.length === 0) return <p className="muted">No versions yet: save the draft to make the first.</p>;
  const sorted = [...versions].sort((a, b) => b.number - a.number);
  return (
    <ol className="version-list" data-testid="problem-versions">
      {sorted.map((version) => (
        <li key={version.id} className="version-row">
          <div className="version-row__head">
            <strong>Version {version.number}</strong>
            <span className={`badge ${STATE_BADGE[version.state]}`}>{version.state}</span>
            <CheckStateBadge state={version.check} />
            <span className="muted small">
              content v{version.contentVersion} · {version.createdBy.email ?? 'deleted account'} · <LocalTime iso={version.updatedAt} />
              {version.forkedFrom ? ` · from ${version.forkedFrom}` : ''}
            </span>
            <span className="row version-row__action">
              <button
                type="button"
                className="button button--sm button--ghost"
                onClick={() => void showDiff(version.number)}
                aria-expanded={open === version.number}
              >
                <GitCompare size={14} aria-hidden="true" /> {version.number === 1 ? 'Contents' : `Changes from v${version.number - 1}`}
              </button>
              {readOnly || version.state === 'draft' ? null : (
                <ConfirmDialog
                  title={`Restore version ${version.number}?`}
                  description="Its source becomes the draft (replacing unpublished edits). Learners see nothing until you check and publish it."
                  confirmLabel="Restore as draft"
                  onConfirm={() =>
                    void call(() => api.post(`/api/admin/problems/${slug}/versions/${version.number}/restore`, ZAdminProblem), {
                      success: `Version ${version.number} is the draft now`,
                      failure: 'Could not restore that version',
                    })
                  }
                  trigger={
                    <button type="button" className="button button--sm" disabled={pending}>
                      <RotateCcw size={14} aria-hidden="true" /> Restore
                    </button>
                  }
                />
              )}
            </span>
          </div>
          {open === version.number ? (
            diffs[version.number] ? (
              <VersionDiff diff={diffs[version.number]!} />
            ) : (
              <p className="muted small">Comparing…</p>
            )
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function VersionDiff({ diff }: { diff: TProblemVersionDiff }) {
  if (diff.fields.length === 0) return <p className="muted small">No field changed.</p>;
  return (
    <dl className="field-diff" data-testid="version-diff">
      {diff.fields.map((field) => (
        <div key={field.field} className="field-diff__row">
          <dt>
            <code>{field.field}</code>
          </dt>
          <dd>
            <pre className="line-diff">
              {field.chunks.map((chunk, index) =>
                chunk.op === 'add' ? (
                  <ins key={index} className="diff-ins">
                    {chunk.text}
                  </ins>
                ) : chunk.op === 'remove' ? (
                  <del key={index} className="diff-del">
                    {chunk.text}
                  </del>
                ) : (
                  <span key={index}>{chunk.text}</span>
                ),
              )}
            </pre>
          </dd>
        </div>
      ))}
    </dl>
  );
}
