import { ZListLabsResponse, type TLabListItem } from '@prep/contracts';
import { FlaskConical } from 'lucide-react';
import type { Metadata } from 'next';
import { DueText, ItemLeadCells, TagBadges } from '../../components/practice-cells';
import { EmptyState, LoadFailure } from '../../components/states';
import { serverGet } from '../../lib/api/server';
import { LAB_DEVICE_LABEL } from '../../lib/lab-format';

export const metadata: Metadata = { title: 'Labs' };

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
      <ItemLeadCells status={item.status} href={`/labs/${item.slug}`} title={item.title} difficulty={item.difficulty} />
      <td className="nowrap small">{LAB_DEVICE_LABEL[item.device]}</td>
      <td className="hide-sm">
        <TagBadges tags={item.tags} />
      </td>
      <td className="nowrap small hide-sm">
        <DueText status={item.status} due={item.due} now={now} />
      </td>
    </tr>
  );
}
