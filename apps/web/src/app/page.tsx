import type { Metadata } from 'next';
import { LoadFailure } from '../components/states';
import { Dashboard } from '../components/today/dashboard';
import { Landing } from '../components/today/landing';
import { getStats } from '../lib/api/stats';
import { PRODUCT_NAME } from '../lib/product';
import { getViewer } from '../lib/session';

export async function generateMetadata(): Promise<Metadata> {
  // The layout's title template applies to the pages below it, not to this one beside it.
  return (await getViewer()).status === 'signed-in' ? { title: { absolute: `Today · ${PRODUCT_NAME}` } } : {};
}

export default async function TodayPage() {
  const viewer = await getViewer();
  if (viewer.status !== 'signed-in') return <Landing />;
  const stats = await getStats();
  if (!stats.ok) return <LoadFailure failure={stats} />;
  return <Dashboard user={viewer.user} stats={stats.data} />;
}
