import { NextResponse, type NextRequest } from 'next/server';
import { IS_DEV, webConfig } from './lib/config';
import { contentSecurityPolicy, newNonce, NONCE_HEADER, PATH_HEADER, SECURITY_HEADERS } from './lib/security/csp';

/**
 * Two jobs, one per request:
 * - /api/* is forwarded to the API, so the browser only ever talks to one origin and the session cookie stays
 *   first-party. It is a proxy rather than a next.config rewrite because rewrites are frozen into the build, while
 *   API_URL must be read when the server starts (one build serves local runs, containers and tests on free ports).
 *   The body is streamed through; the API's own security headers come along. Next gzips what it serves, and a
 *   compressor holds a stream back until it ends, so the API marks its event streams `Cache-Control: no-transform`
 *   (which the compressor honours): live grading events then pass one by one.
 * - every page gets a fresh nonce and a strict Content-Security-Policy. Next reads the nonce from the request's CSP
 *   header and puts it on its own scripts; the layout reads it from x-nonce for the theme script.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname === '/api' || pathname.startsWith('/api/')) {
    return NextResponse.rewrite(new URL(`${pathname}${search}`, webConfig().API_URL));
  }

  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { dev: IS_DEV });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  // Where the page is, for layouts that send a signed-out visitor to sign in and back (layouts get no URL).
  requestHeaders.set(PATH_HEADER, `${pathname}${search}`);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    '/api/:path*',
    // Pages, not the static build output (hashed, immutable files that carry no script of their own).
    { source: '/((?!_next/static|_next/image|favicon.ico).*)' },
  ],
};
