'use client';

import { ZListLabSubmissionsResponse, ZLabSubmissionView, type TLabSubmissionView } from '@prep/contracts';
import { duration, relativeTime } from '../../lib/format';
import { LAB_VERDICT_LABEL } from '../../lib/lab-format';
import { SubmissionList, SubmissionVerdictButton } from '../problem/submission-list';

/** My submissions of this lab, newest first, with the device each ran on; opening one shows its verdict and offers its code. */
export function LabHistory({ slug, version, onOpen }: { slug: string; version: number; onOpen: (submission: TLabSubmissionView) => void }) {
  return (
    <SubmissionList
      listPath={`/api/labs/${slug}/submissions?limit=50`}
      listSchema={ZListLabSubmissionsResponse}
      viewPath={(id) => `/api/lab-submissions/${id}`}
      viewSchema={ZLabSubmissionView}
      version={version}
      onOpen={onOpen}
      testId="lab-history"
      columns={['Verdict', 'Device', 'Took', 'When']}
      emptyText="Write your solution in the editor and submit it: every check runs on a grading worker and you see each one here."
      row={(item, open, now) => (
        <tr key={item.id}>
          <td>
            <SubmissionVerdictButton verdict={item.verdict} onClick={open}>
              {item.verdict ? LAB_VERDICT_LABEL[item.verdict] : item.status === 'queued' ? 'Queued…' : 'Grading…'}
            </SubmissionVerdictButton>
          </td>
          <td className="nowrap">{item.device ? item.device.toUpperCase() : '–'}</td>
          <td className="nowrap">
            {item.finishedAt ? duration(new Date(item.finishedAt).getTime() - new Date(item.createdAt).getTime()) : '–'}
          </td>
          <td className="nowrap muted">{relativeTime(item.createdAt, now)}</td>
        </tr>
      )}
    />
  );
}
