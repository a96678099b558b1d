import { z } from 'zod';

export const ZHealthResponse = z.object({ status: z.literal('ok') });
export type THealthResponse = z.infer<typeof ZHealthResponse>;

export const ZCheckStatus = z.object({
  ok: z.boolean(),
  latencyMs: z.number().optional(),
  message: z.string().optional(),
});

export const ZReadyResponse = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    postgres: ZCheckStatus,
    redis: ZCheckStatus,
    migrations: ZCheckStatus,
  }),
});
export type TReadyResponse = z.infer<typeof ZReadyResponse>;
