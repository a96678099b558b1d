import { randomUUID } from 'node:crypto';
import type { TRegisterRequest } from '@prep/contracts';
import type { PrismaService } from '../../src/modules/prisma/prisma.service';

export function buildRegistration(overrides: Partial<TRegisterRequest> = {}): TRegisterRequest {
  return { email: `learner-${randomUUID()}@example.com`, password: 'correct horse battery', ...overrides };
}

/** A graded submission of `userId` (to a throwaway problem), written straight to the database. */
export async function createSubmission(prisma: PrismaService, userId: string, code = `// ${randomUUID()}`): Promise<{ id: string }> {
  const slug = `factory-problem-${randomUUID()}`;
  await prisma.problem.create({
    data: { slug, version: 1, title: 'Factory problem', difficulty: 'easy', tags: [], decks: [], detail: {}, contentHash: 'x' },
  });
  return prisma.submission.create({
    data: {
      userId,
      problemSlug: slug,
      problemVersion: 1,
      mode: 'submit',
      code,
      status: 'done',
      verdict: 'accepted',
      result: { passed: 1 },
    },
    select: { id: true },
  });
}

/** An account straight in the database (no password hashing), for tests that never sign in as it. */
export async function createAccount(
  prisma: PrismaService,
  overrides: { email?: string; displayName?: string } = {},
): Promise<{ id: string; email: string }> {
  return prisma.user.create({
    data: { email: `learner-${randomUUID()}@example.com`, passwordHash: 'not-a-password-hash', ...overrides },
    select: { id: true, email: true },
  });
}

/** Reminder settings and one reminder decision of `userId`, written straight to the database. */
export async function createReminderRows(prisma: PrismaService, userId: string): Promise<{ sendId: string }> {
  await prisma.reminderPreference.create({ data: { userId, enabled: true, minuteOfDay: 510 } });
  const send = await prisma.reminderSend.create({
    data: { userId, localDate: new Date('2026-03-08T00:00:00Z'), timezone: 'America/New_York', scheduledFor: new Date(), status: 'sent' },
    select: { id: true },
  });
  return { sendId: send.id };
}
