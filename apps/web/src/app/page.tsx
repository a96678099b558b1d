import { ZStatsResponse } from '@prep/contracts';
import { LoadFailure } from '../components/states';
import { Dashboard } from '../components/today/dashboard';
import { Landing } from '../components/today/landing';
import { serverGet } from '../lib/api/server';
import { getViewer } from '../lib/session';

export default async function TodayPage() {
  const viewer = await getViewer();
  if (viewer.status !== 'signed-in') return <Landing />;
  const stats = await serverGet('/api/stats', ZStatsResponse);
  if (!stats.ok) return <LoadFailure failure={stats} />;
  return <Dashboard user={viewer.user} stats={stats.data} />;
}
