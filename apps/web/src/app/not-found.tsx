import { StatusPanel } from '../components/states';

export default function NotFound() {
  return (
    <StatusPanel code={404} titleId="not-found-title" title="Page not found">
      The page you asked for does not exist, or it is not yours to see.
    </StatusPanel>
  );
}
