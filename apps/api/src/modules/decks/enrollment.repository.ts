import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import type { Db } from '../prisma/db';
import { PrismaService } from '../prisma/prisma.service';
import { TX_OPTIONS } from '../study/reviews.service';
import { ENROLLED_ITEMS, IN_ENROLLED_DECK, INTRODUCED_BY_LAPSE, LIVE_DECK_ITEM, NEW_RANK } from '../study/study.sql';

/** Serialises content reconciliation (two syncs at once would lock the same rows in different orders). */
const RECONCILE_LOCK = 7_310_001;

/**
 * Enrollment keeps a `new` state row for every item of a learner's enrolled decks, so the new queue is an index scan
 * (Anki keeps new cards the same way). Unenrolling pauses the deck's items that no other enrolled deck holds.
 */
@Injectable()
export class EnrollmentRepository {
  constructor(private readonly prisma: PrismaService) {}

  async enroll(userId: string, deckSlug: string, now: Date): Promise<void> {
    await this.prisma.$transaction(async (db) => {
      await db.$executeRaw`
        INSERT INTO "Enrollment" ("userId", "deckSlug", "enrolledAt") VALUES (${userId}::uuid, ${deckSlug}, ${now})
        ON CONFLICT DO NOTHING`;
      await this.materializeNew(db, Prisma.sql`e."userId" = ${userId}::uuid AND e."deckSlug" = ${deckSlug}`, now);
      await db.$executeRaw`
        UPDATE "StudyState" s SET paused = false, version = version + 1, "updatedAt" = ${now}
        FROM "DeckItem" di
        WHERE s."userId" = ${userId}::uuid AND s.paused AND di."deckSlug" = ${deckSlug} AND s.kind = di.kind AND s."refId" = di."refId"`;
    }, TX_OPTIONS);
  }

  async unenroll(userId: string, deckSlug: string, now: Date): Promise<void> {
    await this.prisma.$transaction(async (db) => {
      const removed = await db.$executeRaw`DELETE FROM "Enrollment" WHERE "userId" = ${userId}::uuid AND "deckSlug" = ${deckSlug}`;
      if (removed === 0) return;
      await db.$executeRaw`
        UPDATE "StudyState" s SET paused = true, version = version + 1, "updatedAt" = ${now}
        FROM "DeckItem" x
        WHERE s."userId" = ${userId}::uuid AND NOT s.paused AND x."deckSlug" = ${deckSlug} AND s.kind = x.kind AND s."refId" = x."refId"
          AND NOT ${IN_ENROLLED_DECK}`;
    }, TX_OPTIONS);
  }

  /**
   * After a content sync: new rows for items added to enrolled decks, retired flags from the content tables, and new
   * items paused exactly when no enrolled deck holds them any more (unless a problem's lapse introduced them).
   */
  async reconcileWithContent(now: Date): Promise<void> {
    await this.prisma.$transaction(async (db) => {
      await db.$executeRaw`SELECT pg_advisory_xact_lock(${RECONCILE_LOCK})`;
      await this.materializeNew(db, Prisma.sql`true`, now);
      await db.$executeRaw`
        UPDATE "StudyState" s SET retired = (c."retiredAt" IS NOT NULL), "updatedAt" = ${now}
        FROM "Card" c WHERE s.kind = 'card' AND c.id = s."refId" AND s.retired <> (c."retiredAt" IS NOT NULL)`;
      await db.$executeRaw`
        UPDATE "StudyState" s SET retired = (p."retiredAt" IS NOT NULL), "updatedAt" = ${now}
        FROM "Problem" p WHERE s.kind = 'problem' AND p.slug = s."refId" AND s.retired <> (p."retiredAt" IS NOT NULL)`;
      // A new item a lapse introduced stays as the learner's last act left it while no enrolled deck holds it.
      await db.$executeRaw`
        UPDATE "StudyState" s SET paused = NOT s.paused, "updatedAt" = ${now}
        WHERE s.state = 'new'
          AND s.paused = ${IN_ENROLLED_DECK} AND (s.paused OR NOT ${INTRODUCED_BY_LAPSE})`;
    }, TX_OPTIONS);
  }

  private async materializeNew(db: Db, enrollments: Prisma.Sql, now: Date): Promise<void> {
    await db.$executeRaw`
      INSERT INTO "StudyState" ("userId", kind, "refId", due, "newRank", "updatedAt", retired)
      SELECT DISTINCT ON (e."userId", di.kind, di."refId") e."userId", di.kind, di."refId", ${now}, ${NEW_RANK}, ${now},
             NOT ${LIVE_DECK_ITEM}
      FROM ${ENROLLED_ITEMS}
      WHERE ${enrollments}
      ORDER BY e."userId", di.kind, di."refId", ${NEW_RANK}
      ON CONFLICT DO NOTHING`;
  }
}
