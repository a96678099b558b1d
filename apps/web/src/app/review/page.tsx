import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ReviewSession } from '../../components/review/review-session';
import { getViewer } from '../../lib/session';

export const metadata: Metadata = { title: 'Review' };

export default async function ReviewPage() {
  if ((await getViewer()).status === 'signed-out') redirect('/sign-in?next=/review');
  return (
    <div className="review-page">
      <h1 className="sr-only">Review</h1>
      <ReviewSession />
    </div>
  );
}
