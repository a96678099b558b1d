import type { NextConfig } from 'next';

// /api is forwarded to the API by src/proxy.ts at request time; a rewrite here would freeze API_URL into the build.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;
