import { ZListLabsResponse, type TLabListItem } from '@prep/contracts';
import { CheckCircle2, Circle, CircleDot, Clock, FlaskConical } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { DueTime } from '../../components/due-time';
import { EmptyState, LoadFailure } from '../../components/states';
import { serverGet } from '../../lib/api/server';
import { capitalise } from '../../lib/format';
import { LAB_DEVICE_LABEL } from '../../lib/lab-format';

export const metadata: Metadata = { title: 'Labs' };

const STATUS_ICON = {
  solved: <CheckCircle2 size={16} className="status-icon status-icon--solved" aria-label="Solved" />,
  attempted: <CircleDot size={16} className="status-icon status-icon--attempted" aria-label="Attempted" />,
  due: <Clock size={16} className="status-icon status-icon--due" aria-label="Due for review" />,
  new: <Circle size={16} className="status-icon status-icon--new" aria-label="Not started" />,
} as const;

export default async function LabsPage() {
  const list = await serverGet('/api/labs', ZListLabsResponse);
  if (!list.ok) return <LoadFailure failure={list} signInNext="/labs" />;
  const { items } = list.data;
  const solved = items.filter((item) => item.status === 'solved').length;
  const now = new Date();
  return (
    <div className="stack stack--lg">
      <header className="page-head">
        <div>
          <h1>Labs</h1>
          <p className="muted">
            Hands-on ML-systems labs in Python with PyTorch, graded in a sandbox on a GPU where one is free and on a CPU otherwise; every
            verdict says which.{' '}
            {items.length > 0 ? (
              <>
                You have solved <strong>{solved}</strong> of {items.length}.
              </>
            ) : null}
          </p>
        </div>
      </header>
      <div className="card card--flush">
        {items.length === 0 ? (
          <EmptyState icon={<FlaskConical size={22} />} title="No labs yet">
            Labs appear here once they are published.
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table problems-table labs-table" data-testid="labs-table">
              <thead>
                <tr>
                  <th scope="col" style={{ width: '2.5rem' }}>
                    <span className="sr-only">Status</span>
                  </th>
                  <th scope="col">Title</th>
                  <th scope="col">Difficulty</th>
                  <th scope="col">Runs on</th>
                  <th scope="col" className="hide-sm">
                    Tags
                  </th>
                  <th scope="col" className="hide-sm">
                    Review
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <Row key={item.slug} item={item} now={now} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}

function Row({ item, now }: { item: TLabListItem; now: Date }) {
  return (
    <tr data-testid={`lab-${item.slug}`}>
      <td>{STATUS_ICON[item.status]}</td>
      <td>
        <Link href={`/labs/${item.slug}`}>{item.title}</Link>
      </td>
      <td>
        <span className={`difficulty difficulty--${item.difficulty}`}>{capitalise(item.difficulty)}</span>
      </td>
      <td className="nowrap small">{LAB_DEVICE_LABEL[item.device]}</td>
      <td className="hide-sm">
        <span className="tag-list">
          {item.tags.slice(0, 3).map((tag) => (
            <span key={tag} className="badge">
              {tag}
            </span>
          ))}
        </span>
      </td>
      <td className="nowrap small hide-sm">
        {item.status === 'due' ? (
          <strong className="due-text">Due now</strong>
        ) : item.due ? (
          <span className="muted">
            <DueTime iso={item.due} serverNow={now.toISOString()} />
          </span>
        ) : (
          <span className="muted">–</span>
        )}
      </td>
    </tr>
  );
}
