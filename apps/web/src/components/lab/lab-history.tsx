'use client';

import { ZListLabSubmissionsResponse, ZLabSubmissionView, type TLabSubmissionSummary, type TLabSubmissionView } from '@prep/contracts';
import { History } from 'lucide-react';
import { useEffect, useState } from 'react';
import { api } from '../../lib/api/browser';
import { duration, relativeTime } from '../../lib/format';
import { LAB_VERDICT_LABEL } from '../../lib/lab-format';
import { EmptyState } from '../states';
import { useToast } from '../ui/toast';

/** My submissions of this lab, newest first, with the device each ran on; opening one shows its verdict and offers its code. */
export function LabHistory({ slug, version, onOpen }: { slug: string; version: number; onOpen: (submission: TLabSubmissionView) => void }) {
  const [items, setItems] = useState<TLabSubmissionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const notify = useToast();

  useEffect(() => {
    let cancelled = false;
    void api.get(`/api/labs/${slug}/submissions?limit=50`, ZListLabSubmissionsResponse).then((result) => {
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
    const result = await api.get(`/api/lab-submissions/${id}`, ZLabSubmissionView);
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
        Write your solution in the editor and submit it: every check runs on a grading worker and you see each one here.
      </EmptyState>
    );
  }
  const now = new Date();
  return (
    <table className="table history" data-testid="lab-history">
      <thead>
        <tr>
          <th scope="col">Verdict</th>
          <th scope="col">Device</th>
          <th scope="col">Took</th>
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
                {item.verdict ? LAB_VERDICT_LABEL[item.verdict] : item.status === 'queued' ? 'Queued…' : 'Grading…'}
              </button>
            </td>
            <td className="nowrap">{item.device ? item.device.toUpperCase() : '–'}</td>
            <td className="nowrap">
              {item.finishedAt ? duration(new Date(item.finishedAt).getTime() - new Date(item.createdAt).getTime()) : '–'}
            </td>
            <td className="nowrap muted">{relativeTime(item.createdAt, now)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
