'use client';

import { History } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { api } from '../../lib/api/browser';
import { EmptyState } from '../states';
import { useToast } from '../ui/toast';

/**
 * My submissions of one problem or lab, newest first, as a table; reloaded when `version` changes (a new submission
 * was graded). `row` renders one submission; its `open` fetches the full submission and hands it to `onOpen`.
 */
export function SubmissionList<S extends { id: string }, V>({
  listPath,
  listSchema,
  viewPath,
  viewSchema,
  version,
  onOpen,
  testId,
  columns,
  emptyText,
  row,
}: {
  listPath: `/api/${string}`;
  listSchema: z.ZodType<{ items: S[] }>;
  viewPath: (id: string) => `/api/${string}`;
  viewSchema: z.ZodType<V>;
  version: number;
  onOpen: (submission: V) => void;
  testId: string;
  columns: readonly string[];
  emptyText: string;
  row: (item: S, open: () => void, now: Date) => ReactNode;
}) {
  const [items, setItems] = useState<S[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const notify = useToast();

  useEffect(() => {
    let cancelled = false;
    void api.get(listPath, listSchema).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setItems(result.data.items);
        setError(null);
      } else setError(result.message);
    });
    return () => {
      cancelled = true;
    };
  }, [listPath, listSchema, version]);

  async function open(id: string) {
    const result = await api.get(viewPath(id), viewSchema);
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
        {emptyText}
      </EmptyState>
    );
  }
  const now = new Date();
  return (
    <table className="table history" data-testid={testId}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{items.map((item) => row(item, () => void open(item.id), now))}</tbody>
    </table>
  );
}

/** The verdict of a listed submission, as the button that opens it. */
export function SubmissionVerdictButton({
  verdict,
  onClick,
  children,
}: {
  verdict: string | null;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button type="button" className={`link-button verdict-text verdict-text--${verdict ?? 'pending'}`} onClick={onClick}>
      {children}
    </button>
  );
}
