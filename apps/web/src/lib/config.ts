import { z } from 'zod';

/**
 * The web server's environment, validated once. Nothing else in the web app reads process.env.
 * API_URL is read when the server starts (not when it is built), so one build can talk to any API.
 */
const ZWebConfig = z.object({
  API_URL: z
    .url({
      protocol: /^https?$/,
      message: 'must be an http(s) URL such as http://127.0.0.1:4000',
    })
    .default('http://127.0.0.1:4000')
    .transform((url) => url.replace(/\/+$/, '')),
});
export type TWebConfig = z.infer<typeof ZWebConfig>;

export function parseWebConfig(env: Record<string, string | undefined>): TWebConfig {
  const result = ZWebConfig.safeParse({ API_URL: env.API_URL || undefined });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new Error(`Invalid web configuration: ${problems.join('; ')}`);
  }
  return result.data;
}

let cached: TWebConfig | undefined;

export function webConfig(): TWebConfig {
  cached ??= parseWebConfig(process.env);
  return cached;
}

/** `next dev` (Next inlines NODE_ENV at build time): the CSP then allows what the dev server needs. */
export const IS_DEV = process.env.NODE_ENV === 'development';
