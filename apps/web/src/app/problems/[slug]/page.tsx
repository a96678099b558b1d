import { ZProblemPage } from '@prep/contracts';
import type { Metadata } from 'next';
import { ProblemWorkspace } from '../../../components/problem/problem-workspace';
import { LoadFailure } from '../../../components/states';
import { serverGet } from '../../../lib/api/server';

type TParams = { slug: string };

export async function generateMetadata({ params }: { params: Promise<TParams> }): Promise<Metadata> {
  const { slug } = await params;
  return { title: slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()) };
}

export default async function ProblemPage({
  params,
  searchParams,
}: {
  params: Promise<TParams>;
  searchParams: Promise<{ from?: string }>;
}) {
  const { slug } = await params;
  const { from } = await searchParams;
  const result = await serverGet(`/api/problems/${encodeURIComponent(slug)}`, ZProblemPage);
  if (!result.ok) return <LoadFailure failure={result} signInNext={`/problems/${slug}`} />;
  return <ProblemWorkspace key={slug} page={result.data} fromReview={from === 'review'} />;
}
