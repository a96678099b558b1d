import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AdminNav } from '../../components/admin/admin-nav';
import { LoadFailure } from '../../components/states';
import { NETWORK_FAILURE } from '../../lib/api/result';
import { PATH_HEADER } from '../../lib/security/csp';
import { getViewer } from '../../lib/session';

/**
 * Every /admin page: anonymous visitors go to sign-in (and come back), learners get the 403 page. The API guards
 * each admin route on its own as well; this only keeps a learner from seeing an empty admin shell.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const [viewer, requestHeaders] = await Promise.all([getViewer(), headers()]);
  if (viewer.status === 'signed-out') {
    const here = requestHeaders.get(PATH_HEADER) ?? '/admin';
    redirect(`/sign-in?next=${encodeURIComponent(here.startsWith('/admin') ? here : '/admin')}`);
  }
  if (viewer.status === 'unavailable') return <LoadFailure failure={NETWORK_FAILURE} />;
  if (viewer.user.role !== 'admin') forbidden();
  return (
    <div className="admin">
      <AdminNav />
      <div className="admin__main">{children}</div>
    </div>
  );
}
