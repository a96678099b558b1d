import { randomUUID } from 'node:crypto';
import type { TRegisterRequest } from '@prep/contracts';
import type { PrismaService } from '../../src/modules/prisma/prisma.service';

export function buildRegistration(overrides: Partial<TRegisterRequest> = {}): TRegisterRequest {
  return { email: `learner-${randomUUID()}@example.com`, password: 'correct horse battery', ...overrides };
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
