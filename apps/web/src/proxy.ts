import { NextResponse, type NextRequest } from 'next/server';
import { webConfig } from './lib/config';

/**
 * Forwards /api/* to the API so the browser only ever talks to one origin and the session cookie stays first-party.
 * This is a proxy rather than a next.config rewrite because rewrites are frozen into the build, while API_URL
 * must be read when the server starts (one build serves local runs, containers and tests on free ports).
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  return NextResponse.rewrite(new URL(`${pathname}${search}`, webConfig().API_URL));
}

export const config = {
  matcher: '/api/:path*',
};
