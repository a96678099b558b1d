import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';

export interface DraftRow {
  code: string;
  clientUpdatedAt: Date;
  savedAt: Date;
  attemptId: string | null;
}

@Injectable()
export class DraftsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async find(userId: string, problemSlug: string): Promise<DraftRow | null> {
    return this.prisma.problemDraft.findUnique({
      where: { userId_problemSlug: { userId, problemSlug } },
      select: { code: true, clientUpdatedAt: true, savedAt: true, attemptId: true },
    });
  }

  /**
   * Stores the draft unless the stored one was typed later (by the client's clock): one atomic upsert, so two
   * concurrent saves end with the later-typed code whatever order they arrive in. Null when the stored one won.
   */
  async saveIfNotOlder(input: { userId: string; problemSlug: string } & DraftRow): Promise<DraftRow | null> {
    const rows = await this.prisma.$queryRaw<DraftRow[]>`
      INSERT INTO "ProblemDraft" ("userId", "problemSlug", "code", "clientUpdatedAt", "savedAt", "attemptId")
      VALUES (${input.userId}::uuid, ${input.problemSlug}, ${input.code}, ${input.clientUpdatedAt}, ${input.savedAt}, ${input.attemptId}::uuid)
      ON CONFLICT ("userId", "problemSlug") DO UPDATE
        SET "code" = EXCLUDED."code", "clientUpdatedAt" = EXCLUDED."clientUpdatedAt",
            "savedAt" = EXCLUDED."savedAt", "attemptId" = EXCLUDED."attemptId"
        WHERE "ProblemDraft"."clientUpdatedAt" <= EXCLUDED."clientUpdatedAt"
      RETURNING "code", "clientUpdatedAt", "savedAt", "attemptId"`;
    return rows[0] ?? null;
  }
}
