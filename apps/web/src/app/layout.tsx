import '@fontsource-variable/inter';
import 'katex/dist/katex.min.css';
import '../styles/tokens.css';
import '../styles/base.css';
import '../styles/components.css';
import '../styles/pages.css';
import '../styles/admin.css';
import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { ApiStatusBanner } from '../components/shell/api-status-banner';
import { DueCountTitle } from '../components/shell/due-count-title';
import { SiteHeader } from '../components/shell/site-header';
import { ThemeProvider } from '../components/shell/theme-provider';
import { ToastProvider } from '../components/ui/toast';
import { TooltipProvider } from '../components/ui/tooltip';
import { getStats } from '../lib/api/stats';
import { PRODUCT_NAME } from '../lib/product';
import { NONCE_HEADER } from '../lib/security/csp';
import { getViewer } from '../lib/session';

export const metadata: Metadata = {
  title: { default: PRODUCT_NAME, template: `%s · ${PRODUCT_NAME}` },
  description: 'Spaced-repetition interview prep: concept cards and graded coding problems that come back on schedule.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#141a22' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [viewer, requestHeaders] = await Promise.all([getViewer(), headers()]);
  const nonce = requestHeaders.get(NONCE_HEADER) ?? undefined;
  return (
    // next-themes sets data-theme before hydration, so the server's attributes differ on purpose.
    <html lang="en" suppressHydrationWarning>
      <body>
        <ThemeProvider nonce={nonce}>
          <TooltipProvider delayDuration={300}>
            <ToastProvider>
              <a className="skip-link" href="#main">
                Skip to content
              </a>
              <SiteHeader viewer={viewer} />
              {viewer.status === 'signed-in' ? <DueCount /> : null}
              <ApiStatusBanner downOnServer={viewer.status === 'unavailable'} />
              <main id="main" className="main" tabIndex={-1}>
                {children}
              </main>
              <footer className="site-footer">
                <div className="site-footer__inner">
                  <span>{PRODUCT_NAME}: spaced repetition for interview prep.</span>
                  {viewer.status === 'signed-in' ? (
                    <span className="site-footer__keys">
                      Shortcuts: <kbd className="kbd">Space</kbd> reveal · <kbd className="kbd">1</kbd>–<kbd className="kbd">4</kbd> rate ·{' '}
                      <kbd className="kbd">Z</kbd> undo
                    </span>
                  ) : null}
                </div>
              </footer>
            </ToastProvider>
          </TooltipProvider>
        </ThemeProvider>
      </body>
    </html>
  );
}

/** The due count for the title, read while the page renders (not before it), and kept current in the browser. */
async function DueCount() {
  const stats = await getStats();
  return <DueCountTitle initial={stats.ok ? stats.data.today.dueNow : null} />;
}
