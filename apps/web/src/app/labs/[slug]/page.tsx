import { ZLabPage } from '@prep/contracts';
import type { Metadata } from 'next';
import { cache } from 'react';
import { LabWorkspace } from '../../../components/lab/lab-workspace';
import { LoadFailure } from '../../../components/states';
import { serverGet } from '../../../lib/api/server';

type TParams = { slug: string };

/** One read per request: the title and the page share it. */
const getLabPage = cache((slug: string) => serverGet(`/api/labs/${encodeURIComponent(slug)}`, ZLabPage));

export async function generateMetadata({ params }: { params: Promise<TParams> }): Promise<Metadata> {
  const { slug } = await params;
  const result = await getLabPage(slug);
  return { title: result.ok ? result.data.lab.title : slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()) };
}

export default async function LabPage({ params, searchParams }: { params: Promise<TParams>; searchParams: Promise<{ from?: string }> }) {
  const { slug } = await params;
  const { from } = await searchParams;
  const result = await getLabPage(slug);
  if (!result.ok) return <LoadFailure failure={result} signInNext={`/labs/${slug}`} />;
  return <LabWorkspace key={slug} page={result.data} fromReview={from === 'review'} />;
}
