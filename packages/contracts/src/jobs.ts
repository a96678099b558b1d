import { z } from 'zod';

/** Queue names. Every producer and consumer imports them from here. */
export const QueueName = {
  System: 'system',
  Grading: 'grading',
  /** The reminder scheduler's 15-minute tick. */
  Reminders: 'reminders',
  /** One reminder email per learner and local date. */
  ReminderEmails: 'reminder-emails',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const SystemJob = { Ping: 'ping' } as const;

export const ZPingJob = z.object({
  /** Used as the BullMQ job id, so retries and double-enqueues collapse into one job. */
  pingId: z.string().min(1).max(100),
  sentAt: z.iso.datetime(),
});
export type TPingJob = z.infer<typeof ZPingJob>;

export const ZPingResult = z.object({
  pingId: z.string(),
  pong: z.literal(true),
  workerPid: z.number().int(),
  answeredAt: z.iso.datetime(),
});
export type TPingResult = z.infer<typeof ZPingResult>;
