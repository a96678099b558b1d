import { BookKey } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';

/** The banner over a problem or lab being reviewed: what the review asks (`children`), or that it is done. */
export function ReviewBanner({ decided, fromReview, children }: { decided: boolean; fromReview: boolean; children: ReactNode }) {
  return (
    <div className={`banner ${decided ? 'banner--success' : 'banner--info'}`} data-testid="review-banner">
      <BookKey size={16} aria-hidden="true" />
      <p>
        {decided ? <>This review is done. </> : <>{children} </>}
        {fromReview ? <Link href="/review">{decided ? 'Continue the review session' : 'Back to the session'}</Link> : null}
      </p>
    </div>
  );
}
