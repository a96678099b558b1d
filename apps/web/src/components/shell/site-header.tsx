import Link from 'next/link';
import { PRODUCT_NAME } from '../../lib/product';
import type { TViewer } from '../../lib/viewer';
import { AccountMenu } from './account-menu';
import { MainNav } from './main-nav';
import { ThemeToggle } from './theme-toggle';

export function BrandMark() {
  return (
    <span className="brand__mark" aria-hidden="true">
      <svg
        width="18"
        height="18"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M3 12a9 9 0 1 0 3-6.7" />
        <path d="M3 3v5h5" />
        <path d="M12 7v5l3 2" />
      </svg>
    </span>
  );
}

export function SiteHeader({ viewer }: { viewer: TViewer }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          <BrandMark />
          <span className="brand__name">{PRODUCT_NAME}</span>
        </Link>
        {viewer.status === 'signed-in' ? <MainNav isAdmin={viewer.user.role === 'admin'} /> : null}
        <div className="header-actions" role="group" aria-label="Account">
          <ThemeToggle />
          {viewer.status === 'signed-in' ? (
            <AccountMenu email={viewer.user.email} displayName={viewer.user.displayName} />
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
        </div>
      </div>
    </header>
  );
}
