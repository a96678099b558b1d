import { ZAdminProblem, ZProblemVersionListResponse } from '@prep/contracts';
import { Code2 } from 'lucide-react';
import type { Metadata } from 'next';
import { ForkProblemButton } from '../../../../components/admin/problem-fork';
import { ProblemEditor } from '../../../../components/admin/problem/problem-editor';
import { EmptyState, LoadFailure } from '../../../../components/states';
import { serverGet } from '../../../../lib/api/server';

export const metadata: Metadata = { title: 'Problem · Admin' };

export default async function AdminProblemPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [detail, versions] = await Promise.all([
    serverGet(`/api/admin/problems/${encodeURIComponent(slug)}`, ZAdminProblem),
    serverGet(`/api/admin/problems/${encodeURIComponent(slug)}/versions`, ZProblemVersionListResponse),
  ]);
  if (!detail.ok) return <LoadFailure failure={detail} signInNext={`/admin/problems/${slug}`} />;
  const { problem, draft, published, builtinSource } = detail.data;
  const list = versions.ok ? versions.data.versions : [];
  if (problem.readOnly) {
    if (!builtinSource) {
      return (
        <EmptyState
          icon={<Code2 size={22} />}
          title={`${problem.title} is built in`}
          action={<ForkProblemButton slug={problem.slug} title={problem.title} />}
        >
          Its judge is custom host code, which authored problems cannot have, so it is shown only on the learner&apos;s page.
        </EmptyState>
      );
    }
    return <ProblemEditor key={problem.slug} mode="view" initial={builtinSource} problem={detail.data} versions={list} />;
  }
  const current = draft ?? published;
  if (!current) return <LoadFailure failure={{ ok: false, status: 404, code: 'not_found', message: 'No version' }} />;
  // One editor per problem; it takes in the server's newer state itself (see ProblemEditor).
  return <ProblemEditor key={problem.slug} mode="edit" initial={current.source} problem={detail.data} versions={list} />;
}
