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
