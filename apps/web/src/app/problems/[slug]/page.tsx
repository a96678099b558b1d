import { ZProblemPage } from '@prep/contracts';
import type { Metadata } from 'next';
import { cache } from 'react';
import { ProblemWorkspace } from '../../../components/problem/problem-workspace';
import { LoadFailure } from '../../../components/states';
import { serverGet } from '../../../lib/api/server';

type TParams = { slug: string };

/** One read per request: the title and the page share it. */
const getProblemPage = cache((slug: string) => serverGet(`/api/problems/${encodeURIComponent(slug)}`, ZProblemPage));

export async function generateMetadata({ params }: { params: Promise<TParams> }): Promise<Metadata> {
  const { slug } = await params;
  const result = await getProblemPage(slug);
  return { title: result.ok ? result.data.problem.title : slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()) };
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
  const result = await getProblemPage(slug);
  if (!result.ok) return <LoadFailure failure={result} signInNext={`/problems/${slug}`} />;
  return <ProblemWorkspace key={slug} page={result.data} fromReview={from === 'review'} />;
}
