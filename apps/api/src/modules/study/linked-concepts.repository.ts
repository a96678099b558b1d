import { Injectable } from '@nestjs/common';
import type { TMemoryState } from '@prep/contracts';
import { Prisma } from '../../generated/prisma/client';
import type { Db } from '../prisma/db';
import { PrismaService } from '../prisma/prisma.service';
import { ENROLLED_ITEMS, IN_ENROLLED_DECK, NEW_RANK } from './study.sql';
import type { ConceptPull } from './study.types';

interface LockedCard {
  refId: string;
  state: TMemoryState;
  due: Date;
  newRank: bigint;
  paused: boolean;
  suspended: boolean;
  retired: boolean;
  version: number;
}

/** The concept pulls stored on one review-log row, as a table aliased p (none when the column is null). */
const pullsOf = (userId: string, reviewId: string) => Prisma.sql`(
  SELECT x.* FROM "ReviewLog" l,
    jsonb_to_recordset(l."conceptPulls") AS x("cardId" text, created boolean, "dueBefore" timestamptz, "newRankBefore" bigint,
                                              "pausedBefore" boolean, "versionAfter" int)
  WHERE l.id = ${reviewId}::uuid AND l."userId" = ${userId}::uuid) p`;

/** A learner's concept cards as a problem's lapse moves them, and undoes that move (StudyState, ReviewLog.conceptPulls). */
@Injectable()
export class LinkedConceptsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** My memory state of each card I have a state row for. */
  async memoryStates(userId: string, cardIds: string[]): Promise<Map<string, TMemoryState>> {
    if (cardIds.length === 0) return new Map();
    const rows = await this.prisma.$queryRaw<{ refId: string; state: TMemoryState }[]>`
      SELECT "refId", state FROM "StudyState"
      WHERE "userId" = ${userId}::uuid AND kind = 'card' AND "refId" = ANY(${cardIds}::text[])`;
    return new Map(rows.map((r) => [r.refId, r.state]));
  }

  /**
   * Brings studied cards due at `now` (never later than they were) and puts new ones at `rank` among new items
   * (never behind where they were), in the queue even outside enrolled decks; suspended and retired cards are left
   * alone. Cards never touched get a new state row. Answers what changed, for undo. Rows are locked in id order, so
   * two lapses at once cannot deadlock.
   */
  async bringIn(db: Db, userId: string, cards: { cardId: string; rank: bigint }[], now: Date): Promise<ConceptPull[]> {
    const sorted = [...cards].sort((a, b) => (a.cardId < b.cardId ? -1 : 1));
    const rankOf = new Map(sorted.map((c) => [c.cardId, c.rank]));
    const ids = sorted.map((c) => c.cardId);
    const created = await db.$queryRaw<{ refId: string }[]>`
      INSERT INTO "StudyState" ("userId", kind, "refId", due, "newRank", "updatedAt")
      SELECT ${userId}::uuid, 'card'::"StudyKind", w.id, ${now}, w.rank, ${now}
      FROM unnest(${ids}::text[], ${sorted.map((c) => c.rank.toString())}::bigint[]) WITH ORDINALITY AS w(id, rank, n)
      ORDER BY w.n
      ON CONFLICT DO NOTHING
      RETURNING "refId"`;
    const createdIds = new Set(created.map((r) => r.refId));
    const pulls: ConceptPull[] = [...createdIds].map((cardId) => ({
      cardId,
      created: true,
      dueBefore: null,
      newRankBefore: null,
      pausedBefore: true,
      versionAfter: 0,
    }));

    const locked = await db.$queryRaw<LockedCard[]>`
      SELECT "refId", state, due, "newRank", paused, suspended, retired, version FROM "StudyState"
      WHERE "userId" = ${userId}::uuid AND kind = 'card' AND "refId" = ANY(${ids.filter((id) => !createdIds.has(id))}::text[])
      ORDER BY "refId"
      FOR UPDATE`;
    const moves: { cardId: string; due: Date; rank: bigint }[] = [];
    for (const row of locked) {
      if (row.suspended || row.retired) continue;
      const rank = rankOf.get(row.refId)!;
      const studied = row.state !== 'new';
      const due = studied && row.due > now ? now : row.due;
      const newRank = !studied && row.newRank > rank ? rank : row.newRank;
      if (due === row.due && newRank === row.newRank && !row.paused) continue;
      moves.push({ cardId: row.refId, due, rank: newRank });
      pulls.push({
        cardId: row.refId,
        created: false,
        dueBefore: studied ? row.due.toISOString() : null,
        newRankBefore: studied ? null : row.newRank.toString(),
        pausedBefore: row.paused,
        versionAfter: row.version + 1,
      });
    }
    if (moves.length) {
      await db.$executeRaw`
        UPDATE "StudyState" s SET due = m.due, "newRank" = m.rank, paused = false, version = s.version + 1, "updatedAt" = ${now}
        FROM unnest(${moves.map((m) => m.cardId)}::text[], ${moves.map((m) => m.due.toISOString())}::timestamptz[],
                    ${moves.map((m) => m.rank.toString())}::bigint[]) AS m(id, due, rank)
        WHERE s."userId" = ${userId}::uuid AND s.kind = 'card' AND s."refId" = m.id`;
    }
    return pulls;
  }

  /** Stores what a lapse moved on its review-log row, for undo. */
  async recordPulls(db: Db, userId: string, reviewId: string, pulls: ConceptPull[]): Promise<void> {
    await db.$executeRaw`
      UPDATE "ReviewLog" SET "conceptPulls" = ${JSON.stringify(pulls)}::jsonb WHERE id = ${reviewId}::uuid AND "userId" = ${userId}::uuid`;
  }

  /**
   * Undoes what the lapse of this review moved, on each card still as the lapse left it (a card reviewed, moved by
   * another lapse or changed by an action since keeps its newer state). A card is paused again only when no enrolled
   * deck holds it now.
   */
  async revert(db: Db, userId: string, reviewId: string, now: Date): Promise<void> {
    const pulls = pullsOf(userId, reviewId);
    await db.$queryRaw`
      SELECT s."refId" FROM "StudyState" s JOIN ${pulls} ON s."refId" = p."cardId"
      WHERE s."userId" = ${userId}::uuid AND s.kind = 'card' AND s.version = p."versionAfter"
      ORDER BY s."refId"
      FOR UPDATE OF s`;
    await db.$executeRaw`
      UPDATE "StudyState" s SET
        due = coalesce(p."dueBefore", s.due),
        "newRank" = CASE
          WHEN p.created THEN coalesce((SELECT min(${NEW_RANK}) FROM ${ENROLLED_ITEMS}
                                        WHERE e."userId" = s."userId" AND di.kind = s.kind AND di."refId" = s."refId"), 0)
          ELSE coalesce(p."newRankBefore", s."newRank") END,
        paused = p."pausedBefore" AND NOT ${IN_ENROLLED_DECK},
        version = s.version + 1, "updatedAt" = ${now}
      FROM ${pulls}
      WHERE s."userId" = ${userId}::uuid AND s.kind = 'card' AND s."refId" = p."cardId" AND s.version = p."versionAfter"`;
  }
}
