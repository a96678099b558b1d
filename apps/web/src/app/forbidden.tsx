import { ShieldAlert } from 'lucide-react';
import { StatusPanel } from '../components/states';

/** Shown with a 403 when a signed-in account opens a page its role may not see (the /admin pages for a learner). */
export default function Forbidden() {
  return (
    <StatusPanel
      code={403}
      titleId="forbidden-title"
      testId="forbidden"
      title={
        <>
          <ShieldAlert size={20} aria-hidden="true" /> Admins only
        </>
      }
    >
      This page is for the people who curate the decks and problems. Your account can study everything else.
    </StatusPanel>
  );
}
