import type { NextConfig } from 'next';

// /api is forwarded to the API by src/proxy.ts at request time; a rewrite here would freeze API_URL into the build.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden(): the /admin pages answer a signed-in learner with a real 403 and app/forbidden.tsx.
  experimental: { authInterrupts: true },
};

export default nextConfig;
