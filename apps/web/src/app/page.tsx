import { Landing } from '../components/today/landing';
import { getViewer } from '../lib/session';

export default async function HomePage() {
  const viewer = await getViewer();
  if (viewer.status !== 'signed-in') return <Landing />;
  return (
    <section className="card welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome{viewer.user.displayName ? `, ${viewer.user.displayName}` : ''}</h1>
      <p data-testid="signed-in-as">
        Signed in as <strong>{viewer.user.email}</strong>
      </p>
    </section>
  );
}
