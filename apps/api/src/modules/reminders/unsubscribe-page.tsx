import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

/**
 * The small page a person sees when they open the unsubscribe link in a browser. Opening it changes nothing (mail
 * scanners prefetch links); its one button POSTs the same one-click form a mail client would (RFC 8058).
 */
export type UnsubscribePage =
  | { kind: 'confirm'; email: string; remindersEnabled: boolean; action: string; settingsUrl: string }
  | { kind: 'done'; email: string; settingsUrl: string }
  | { kind: 'error'; message: string; settingsUrl: string };

/** Inline styles only; the response's CSP allows nothing else. */
const CSS = `
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;background:#f5f7fa;color:#1f2933}
main{max-width:28rem;margin:12vh auto;padding:2rem;background:#fff;border:1px solid #e4e7eb;border-radius:8px}
h1{font-size:1.4rem;margin:0 0 1rem}p{line-height:1.5}
button{font:inherit;font-weight:600;color:#fff;background:#2f6fde;border:0;border-radius:6px;padding:.7rem 1.2rem;cursor:pointer}
button:focus-visible{outline:3px solid #1f2933;outline-offset:2px}a{color:#2f6fde}
@media (prefers-color-scheme:dark){body{background:#12161c;color:#e4e7eb}main{background:#1b2129;border-color:#323f4b}}
`;

function Layout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} · Recall Prep`}</title>
        <style>{CSS}</style>
      </head>
      <body>
        <main>
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}

function Page(page: UnsubscribePage) {
  switch (page.kind) {
    case 'confirm':
      return page.remindersEnabled ? (
        <Layout title="Stop review reminders?">
          <p>Recall Prep will stop sending review reminders to {page.email}.</p>
          <form method="post" action={page.action}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit">Unsubscribe</button>
          </form>
          <p>
            Or <a href={page.settingsUrl}>change the time or days</a> instead.
          </p>
        </Layout>
      ) : (
        <Layout title="Reminders are off">
          <p>{page.email} gets no review reminders. Nothing to do.</p>
          <p>
            To get them again, turn them on in <a href={page.settingsUrl}>Settings</a>.
          </p>
        </Layout>
      );
    case 'done':
      return (
        <Layout title="You are unsubscribed">
          <p>No more review reminders will be sent to {page.email}.</p>
          <p>
            Changed your mind? Turn them back on in <a href={page.settingsUrl}>Settings</a>.
          </p>
        </Layout>
      );
    case 'error':
      return (
        <Layout title="This link does not work">
          <p>{page.message}</p>
          <p>
            <a href={page.settingsUrl}>Open Settings</a>
          </p>
        </Layout>
      );
  }
}

export function renderUnsubscribePage(page: UnsubscribePage): string {
  return `<!doctype html>${renderToStaticMarkup(<Page {...page} />)}`;
}

/** Headers for the page: no scripts, styles inline only, no framing, no token in a Referer, never cached. */
export const UNSUBSCRIBE_PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex',
} as const;
