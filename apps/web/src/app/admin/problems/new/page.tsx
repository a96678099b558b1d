import { ZAuthoredProblem } from '@prep/contracts';
import type { Metadata } from 'next';
import { ProblemEditor } from '../../../../components/admin/problem/problem-editor';
import { TEMPLATE_PROBLEM } from '../../../../lib/admin/problem-form';

export const metadata: Metadata = { title: 'New problem · Admin' };

export default function NewProblemPage() {
  // The template with the contract's defaults filled in; slug and title stay empty for the admin to write.
  const initial = ZAuthoredProblem.parse({ ...TEMPLATE_PROBLEM, slug: 'new-problem', title: 'New problem' });
  return <ProblemEditor mode="new" initial={{ ...initial, slug: '', title: '' }} />;
}
