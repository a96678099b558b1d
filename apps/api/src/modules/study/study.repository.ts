import { Injectable } from '@nestjs/common';
import { itemIdOf, type TDifficulty, type TPracticeLink, type TStudyKind } from '@prep/contracts';
import { PRACTICE_OF_CARD } from '../content/content-links.sql';
import type { Db } from '../prisma/db';
import { PrismaService } from '../prisma/prisma.service';
import { logRowOf, snapshotFields } from './study.mapper';
import { IN_ENROLLED_DECK, STATE_COLUMNS } from './study.sql';
import type { ItemContent, ItemKey, LogRow, NewLog, OutcomeRow, StateRow } from './study.types';

/** A review already stored under a clientReviewId: its item and the response it got. */
export interface SeenReview {
  kind: TStudyKind;
  refId: string;
  response: unknown;
}

const LOG_SELECT = {
  id: true,
  kind: true,
  refId: true,
  rating: true,
  source: true,
  reviewedAt: true,
  durationMs: true,
  elapsedDays: true,
  scheduledDays: true,
  early: true,
  stateBefore: true,
  stateAfter: true,
  before: true,
  after: true,
  undoneAt: true,
  revertsId: true,
} as const;

/** Sources a learner can undo: their own ratings and schedule changes (outcomes are corrected by override instead). */
const UNDOABLE = ['review', 'reset', 'set_due', 'known'] as const;

type SourceColumn = 'review' | 'outcome' | 'override' | 'undo' | 'reset' | 'set_due' | 'known';
const toSourceColumn = (source: NewLog['source']): SourceColumn => (source === 'set-due' ? 'set_due' : source);
const fromSourceColumn = (source: SourceColumn): NewLog['source'] => (source === 'set_due' ? 'set-due' : source);

function toLogRow(row: Omit<LogRow, 'source' | 'before' | 'after'> & { source: SourceColumn; before: unknown; after: unknown }): LogRow {
  return { ...row, source: fromSourceColumn(row.source), before: row.before as LogRow['before'], after: row.after as LogRow['after'] };
}

/** Scheduling state, review log and the content an item shows. Methods taking a `Db` run inside the caller's transaction. */
@Injectable()
export class StudyRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The state row, locked until the transaction ends (two ratings of one item queue here instead of racing). */
  async lockState(db: Db, userId: string, key: ItemKey): Promise<StateRow | null> {
    const rows = await db.$queryRaw<StateRow[]>`
      SELECT ${STATE_COLUMNS} FROM "StudyState" s
      WHERE s."userId" = ${userId}::uuid AND s.kind = ${key.kind}::"StudyKind" AND s."refId" = ${key.refId}
      FOR UPDATE`;
    return rows[0] ?? null;
  }

  /** Creates the row of a never-touched item; null when a concurrent transaction created it first. */
  async insertState(db: Db, userId: string, key: ItemKey, now: Date): Promise<StateRow | null> {
    const rows = await db.$queryRaw<StateRow[]>`
      INSERT INTO "StudyState" AS s ("userId", kind, "refId", due, "updatedAt", paused)
      SELECT s."userId", s.kind, s."refId", ${now}, ${now}, NOT ${IN_ENROLLED_DECK}
      FROM (SELECT ${userId}::uuid AS "userId", ${key.kind}::"StudyKind" AS kind, ${key.refId}::text AS "refId") s
      ON CONFLICT DO NOTHING
      RETURNING ${STATE_COLUMNS}`;
    return rows[0] ?? null;
  }

  /** Locks the row, creating it first for a never-touched item. */
  async lockOrCreateState(db: Db, userId: string, key: ItemKey, now: Date): Promise<StateRow> {
    const locked = (await this.lockState(db, userId, key)) ?? (await this.insertState(db, userId, key, now));
    if (locked) return locked;
    const raced = await this.lockState(db, userId, key);
    if (!raced) throw new Error(`state row of ${key.kind}:${key.refId} vanished`);
    return raced;
  }

  /** Locks the state of a live item (creating it for a never-touched one); null for unknown or retired content. */
  async lockLiveState(db: Db, userId: string, key: ItemKey, now: Date): Promise<StateRow | null> {
    const existing = await this.lockState(db, userId, key);
    if (existing) return existing.retired ? null : existing;
    if ((await this.contentStatus(db, key)) !== 'live') return null;
    return this.lockOrCreateState(db, userId, key, now);
  }

  /** Writes a locked row back and bumps its version. */
  async saveState(db: Db, userId: string, row: StateRow, now: Date): Promise<StateRow> {
    await db.studyState.update({
      where: { userId_kind_refId: { userId, kind: row.kind, refId: row.refId } },
      data: { ...snapshotFields(row), paused: row.paused, version: { increment: 1 }, updatedAt: now },
      select: { version: true },
    });
    return { ...row, version: row.version + 1 };
  }

  async findStates(userId: string, keys: ItemKey[], db: Db = this.prisma): Promise<Map<string, StateRow>> {
    if (keys.length === 0) return new Map();
    const rows = await db.$queryRaw<StateRow[]>`
      SELECT ${STATE_COLUMNS} FROM "StudyState" s
      WHERE s."userId" = ${userId}::uuid
        AND (s.kind, s."refId") IN (SELECT * FROM unnest(${keys.map((k) => k.kind)}::"StudyKind"[], ${keys.map((k) => k.refId)}::text[]))`;
    return new Map(rows.map((r) => [itemIdOf(r.kind, r.refId), r]));
  }

  async findByClientReviewId(
    db: Db,
    userId: string,
    clientReviewId: string,
  ): Promise<{ kind: TStudyKind; refId: string; response: unknown } | null> {
    const row = await db.reviewLog.findUnique({
      where: { userId_clientReviewId: { userId, clientReviewId } },
      select: { kind: true, refId: true, response: true },
    });
    return row && { kind: row.kind, refId: row.refId, response: row.response === null ? null : JSON.parse(row.response) };
  }

  /** The item's state (null when the learner never touched it) and the review stored under a clientReviewId, in one round trip. */
  async readForRating(
    db: Db,
    userId: string,
    key: ItemKey,
    clientReviewId: string,
  ): Promise<{ row: StateRow | null; seen: SeenReview | null }> {
    const [found] = await db.$queryRaw<
      (Partial<StateRow> & { seenKind: TStudyKind | null; seenRefId: string | null; seenResponse: string | null })[]
    >`
      SELECT ${STATE_COLUMNS}, l.kind AS "seenKind", l."refId" AS "seenRefId", l.response AS "seenResponse"
      FROM (SELECT 1) one
      LEFT JOIN "StudyState" s ON s."userId" = ${userId}::uuid AND s.kind = ${key.kind}::"StudyKind" AND s."refId" = ${key.refId}
      LEFT JOIN "ReviewLog" l ON l."userId" = ${userId}::uuid AND l."clientReviewId" = ${clientReviewId}`;
    const { seenKind, seenRefId, seenResponse, ...state } = found!;
    return {
      row: state.kind ? (state as StateRow) : null,
      seen:
        seenKind && seenRefId
          ? { kind: seenKind, refId: seenRefId, response: seenResponse === null ? null : JSON.parse(seenResponse) }
          : null,
    };
  }

  /**
   * Writes a rating in one statement: the new state, only if the row still has `expectedVersion`, and the log row
   * with it (an override also marks the outcome it replaces undone). False when another change came first (nothing written). Raises a unique violation when the
   * clientReviewId was taken meanwhile.
   */
  async writeRating(db: Db, userId: string, expectedVersion: number, log: NewLog, now: Date): Promise<boolean> {
    const s = snapshotFields(log.after);
    const { undoneAt: _undone, ...row } = logRowOf(log);
    const written = await db.$queryRaw<{ id: string }[]>`
      WITH updated AS (
        UPDATE "StudyState" SET
          state = ${s.state}::"MemoryState", due = ${s.due}, stability = ${s.stability}, difficulty = ${s.difficulty},
          "elapsedDays" = ${s.elapsedDays}, "scheduledDays" = ${s.scheduledDays}, "learningSteps" = ${s.learningSteps},
          reps = ${s.reps}, lapses = ${s.lapses}, "lastReview" = ${s.lastReview}, suspended = ${s.suspended},
          "buriedUntil" = ${s.buriedUntil}, leech = ${s.leech}, paused = ${log.after.paused}, version = version + 1, "updatedAt" = ${now}
        WHERE "userId" = ${userId}::uuid AND kind = ${log.kind}::"StudyKind" AND "refId" = ${log.refId} AND version = ${expectedVersion}
        RETURNING 1
      ), replaced AS (
        UPDATE "ReviewLog" SET "undoneAt" = ${now}
        WHERE ${log.source === 'override'} AND id = ${row.revertsId}::uuid AND "userId" = ${userId}::uuid AND EXISTS (SELECT 1 FROM updated)
      )
      INSERT INTO "ReviewLog" (id, "userId", kind, "refId", rating, source, "reviewedAt", "durationMs", "elapsedDays", "scheduledDays",
        early, "stateBefore", "stateAfter", before, after, "clientReviewId", response, "revertsId")
      SELECT ${row.id}::uuid, ${userId}::uuid, ${row.kind}::"StudyKind", ${row.refId}, ${row.rating}::"Rating",
        ${toSourceColumn(row.source)}::"ReviewSource", ${row.reviewedAt}, ${row.durationMs}::int, ${row.elapsedDays}, ${row.scheduledDays},
        ${row.early}, ${row.stateBefore}::"MemoryState", ${row.stateAfter}::"MemoryState", ${JSON.stringify(row.before)}::jsonb,
        ${JSON.stringify(row.after)}::jsonb, ${log.clientReviewId}, ${log.response === null ? null : JSON.stringify(log.response)}, ${row.revertsId}::uuid
      FROM updated
      RETURNING id`;
    return written.length === 1;
  }

  async insertLog(db: Db, log: NewLog): Promise<void> {
    const { undoneAt: _undone, ...row } = logRowOf(log);
    await db.reviewLog.create({
      data: {
        ...row,
        userId: log.userId,
        source: toSourceColumn(row.source),
        before: row.before as object,
        after: row.after as object,
        clientReviewId: log.clientReviewId,
        response: log.response === null ? null : JSON.stringify(log.response),
      },
      select: { id: true },
    });
  }

  async findLog(db: Db, userId: string, id: string): Promise<LogRow | null> {
    const row = await db.reviewLog.findFirst({ where: { id, userId }, select: LOG_SELECT });
    return row ? toLogRow(row) : null;
  }

  /** My latest review that undo may revert, across items. */
  async latestUndoable(db: Db, userId: string): Promise<LogRow | null> {
    const row = await db.reviewLog.findFirst({
      where: { userId, undoneAt: null, source: { in: [...UNDOABLE] } },
      orderBy: { seq: 'desc' },
      select: LOG_SELECT,
    });
    return row ? toLogRow(row) : null;
  }

  /** The item's latest review or schedule change that still counts (undo rows and reverted rows excluded). */
  async latestOfItem(db: Db, userId: string, key: ItemKey): Promise<LogRow | null> {
    const row = await db.reviewLog.findFirst({
      where: { userId, kind: key.kind, refId: key.refId, undoneAt: null, source: { not: 'undo' } },
      orderBy: { seq: 'desc' },
      select: LOG_SELECT,
    });
    return row ? toLogRow(row) : null;
  }

  /** The item's latest graded outcome. */
  async latestOutcome(db: Db, userId: string, key: ItemKey): Promise<LogRow | null> {
    const row = await db.reviewLog.findFirst({
      where: { userId, kind: key.kind, refId: key.refId, source: 'outcome' },
      orderBy: { seq: 'desc' },
      select: LOG_SELECT,
    });
    return row ? toLogRow(row) : null;
  }

  async markUndone(db: Db, id: string, at: Date): Promise<void> {
    await db.reviewLog.update({ where: { id }, data: { undoneAt: at }, select: { id: true } });
  }

  /** The latest outcome of each of these problems, with its override and how many reviews came after it. */
  async outcomes(userId: string, slugs: string[], db: Db = this.prisma): Promise<Map<string, OutcomeRow>> {
    if (slugs.length === 0) return new Map();
    const rows = await db.$queryRaw<(OutcomeRow & { laterReviews: bigint })[]>`
      SELECT DISTINCT ON (l."refId") l."refId", l.id, l.rating, l."reviewedAt", l."undoneAt",
        (SELECT o.rating FROM "ReviewLog" o WHERE o."revertsId" = l.id AND o.source = 'override' LIMIT 1) AS "overrideRating",
        (SELECT count(*) FROM "ReviewLog" x
          WHERE x."userId" = l."userId" AND x.kind = l.kind AND x."refId" = l."refId" AND x.seq > l.seq
            AND x."undoneAt" IS NULL AND x.source <> 'undo') AS "laterReviews"
      FROM "ReviewLog" l
      WHERE l."userId" = ${userId}::uuid AND l.kind = 'problem' AND l."refId" = ANY(${slugs}::text[]) AND l.source = 'outcome'
      ORDER BY l."refId", l.seq DESC`;
    return new Map(rows.map((r) => [r.refId, { ...r, laterReviews: Number(r.laterReviews) }]));
  }

  /** An item's history, newest first. */
  async history(userId: string, key: ItemKey): Promise<LogRow[]> {
    const rows = await this.prisma.reviewLog.findMany({
      where: { userId, kind: key.kind, refId: key.refId },
      orderBy: { seq: 'desc' },
      select: LOG_SELECT,
    });
    return rows.map(toLogRow);
  }

  /**
   * What each item shows (cards with the problems that practise them, problems; labs have no content table yet), retired
   * ones flagged; an authored card never published is no learner's item. Raw SQL, one query per kind: on every queue
   * request.
   */
  async contents(keys: ItemKey[]): Promise<Map<string, ItemContent>> {
    const cardIds = keys.filter((k) => k.kind === 'card').map((k) => k.refId);
    const slugs = keys.filter((k) => k.kind === 'problem').map((k) => k.refId);
    type CardRow = {
      id: string;
      deck: string;
      topic: string;
      front: string;
      back: string;
      tags: string[];
      practice: TPracticeLink[];
      retiredAt: Date | null;
    };
    type ProblemRow = { slug: string; title: string; difficulty: TDifficulty; tags: string[]; retiredAt: Date | null };
    const [cards, problems] = await Promise.all([
      cardIds.length
        ? this.prisma.$queryRaw<CardRow[]>`
            SELECT c.id, c.deck, c.topic, c.front, c.back, c.tags, ${PRACTICE_OF_CARD} AS practice, c."retiredAt"
            FROM "Card" c WHERE c.id = ANY(${cardIds}::text[]) AND c.status <> 'draft'`
        : [],
      slugs.length
        ? this.prisma.$queryRaw<ProblemRow[]>`
            SELECT slug, title, difficulty, tags, "retiredAt" FROM "Problem" WHERE slug = ANY(${slugs}::text[])`
        : [],
    ]);
    const out = new Map<string, ItemContent>();
    for (const c of cards) {
      out.set(itemIdOf('card', c.id), {
        content: {
          kind: 'card',
          cardId: c.id,
          deck: c.deck,
          topic: c.topic,
          front: c.front,
          back: c.back,
          tags: c.tags,
          practice: c.practice,
        },
        retired: c.retiredAt !== null,
      });
    }
    for (const p of problems) {
      out.set(itemIdOf('problem', p.slug), {
        content: { kind: 'problem', slug: p.slug, title: p.title, difficulty: p.difficulty, tags: p.tags },
        retired: p.retiredAt !== null,
      });
    }
    return out;
  }

  /** Whether an item exists and is live: 'live', 'retired', or null for no such item. */
  async contentStatus(db: Db, key: ItemKey): Promise<'live' | 'retired' | null> {
    const row =
      key.kind === 'card'
        ? await db.card.findFirst({ where: { id: key.refId, status: { not: 'draft' } }, select: { retiredAt: true } })
        : key.kind === 'problem'
          ? await db.problem.findUnique({ where: { slug: key.refId }, select: { retiredAt: true } })
          : null;
    if (!row) return null;
    return row.retiredAt ? 'retired' : 'live';
  }
}
