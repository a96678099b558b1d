'use client';

import { ZListSubmissionsResponse, ZSubmissionView, type TSubmissionSummary, type TSubmissionView } from '@prep/contracts';
import { History } from 'lucide-react';
import { useEffect, useState } from 'react';
import { api } from '../../lib/api/browser';
import { duration, relativeTime, VERDICT_LABEL } from '../../lib/format';
import { EmptyState } from '../states';
import { useToast } from '../ui/toast';

/** My submissions of this problem, newest first; opening one shows its result and offers its code. */
export function SubmissionHistory({
  slug,
  version,
  onOpen,
}: {
  slug: string;
  version: number;
  onOpen: (submission: TSubmissionView) => void;
}) {
  const [items, setItems] = useState<TSubmissionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const notify = useToast();

  useEffect(() => {
    let cancelled = false;
    void api.get(`/api/problems/${slug}/submissions?mode=submit&limit=50`, ZListSubmissionsResponse).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setItems(result.data.items);
        setError(null);
      } else setError(result.message);
    });
    return () => {
      cancelled = true;
    };
  }, [slug, version]);

  async function open(id: string) {
    const result = await api.get(`/api/submissions/${id}`, ZSubmissionView);
    if (!result.ok) {
      notify({ tone: 'danger', title: 'Could not open that submission', description: result.message });
      return;
    }
    onOpen(result.data);
  }

  if (error) return <p className="form-alert">{error}</p>;
  if (items === null) return <div className="skeleton" style={{ height: '8rem' }} aria-busy="true" />;
  if (items.length === 0) {
    return (
      <EmptyState icon={<History size={22} />} title="No submissions yet">
        Run your code against the examples, then submit it to be graded on every test.
      </EmptyState>
    );
  }
  const now = new Date();
  return (
    <table className="table history" data-testid="submission-history">
      <thead>
        <tr>
          <th scope="col">Verdict</th>
          <th scope="col">Tests</th>
          <th scope="col">Runtime</th>
          <th scope="col">When</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td>
              <button
                type="button"
                className={`link-button verdict-text verdict-text--${item.verdict ?? 'pending'}`}
                onClick={() => void open(item.id)}
              >
                {item.verdict ? VERDICT_LABEL[item.verdict] : item.status === 'done' ? 'Done' : 'Grading…'}
              </button>
              <span className="muted small"> · {item.mode === 'run' ? 'Run' : 'Submit'}</span>
            </td>
            <td className="nowrap">{item.passed !== null && item.total !== null ? `${item.passed} / ${item.total}` : '–'}</td>
            <td className="nowrap">{item.runtimeMs !== null ? duration(item.runtimeMs) : '–'}</td>
            <td className="nowrap muted">{relativeTime(item.createdAt, now)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
