'use client';

import { ZListSubmissionsResponse, ZSubmissionView, type TSubmissionView } from '@prep/contracts';
import { duration, relativeTime, VERDICT_LABEL } from '../../lib/format';
import { SubmissionList, SubmissionVerdictButton } from './submission-list';

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
  return (
    <SubmissionList
      listPath={`/api/problems/${slug}/submissions?mode=submit&limit=50`}
      listSchema={ZListSubmissionsResponse}
      viewPath={(id) => `/api/submissions/${id}`}
      viewSchema={ZSubmissionView}
      version={version}
      onOpen={onOpen}
      testId="submission-history"
      columns={['Verdict', 'Tests', 'Runtime', 'When']}
      emptyText="Run your code against the examples, then submit it to be graded on every test."
      row={(item, open, now) => (
        <tr key={item.id}>
          <td>
            <SubmissionVerdictButton verdict={item.verdict} onClick={open}>
              {item.verdict ? VERDICT_LABEL[item.verdict] : item.status === 'done' ? 'Done' : 'Grading…'}
            </SubmissionVerdictButton>
            <span className="muted small"> · {item.mode === 'run' ? 'Run' : 'Submit'}</span>
          </td>
          <td className="nowrap">{item.passed !== null && item.total !== null ? `${item.passed} / ${item.total}` : '–'}</td>
          <td className="nowrap">{item.runtimeMs !== null ? duration(item.runtimeMs) : '–'}</td>
          <td className="nowrap muted">{relativeTime(item.createdAt, now)}</td>
        </tr>
      )}
    />
  );
}
