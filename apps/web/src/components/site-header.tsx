import Link from 'next/link';
import { getViewer } from '../lib/session';
import { PRODUCT_NAME } from '../lib/product';
import { SignOutButton } from './sign-out-button';

export async function SiteHeader() {
  const viewer = await getViewer();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            R
          </span>
          {PRODUCT_NAME}
        </Link>
        <nav aria-label="Account" className="account-nav">
          {viewer.status === 'signed-in' ? (
            <>
              <span className="account-nav__email" data-testid="header-email">
                {viewer.user.email}
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="button button--ghost">
                Sign in
              </Link>
              <Link href="/sign-up" className="button button--primary">
                Sign up
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
