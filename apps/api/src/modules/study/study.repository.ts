import { Injectable } from '@nestjs/common';
import { itemIdOf, type TDifficulty, type TStudyKind } from '@prep/contracts';
import { Prisma } from '../../generated/prisma/client';
import type { Db } from '../prisma/db';
import { PrismaService } from '../prisma/prisma.service';
import { toSnapshot } from './study.mapper';
import { IN_ENROLLED_DECK } from './study.sql';
import type { ItemContent, ItemKey, LogRow, NewLog, OutcomeRow, StateRow } from './study.types';

const STATE_COLUMNS = Prisma.raw(
  `kind, "refId", state, due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses,
   "lastReview", suspended, "buriedUntil", leech, paused, retired, version`,
);

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
      SELECT ${STATE_COLUMNS} FROM "StudyState"
      WHERE "userId" = ${userId}::uuid AND kind = ${key.kind}::"StudyKind" AND "refId" = ${key.refId}
      FOR UPDATE`;
    return rows[0] ?? null;
  }

  /** Creates the row of a never-touched item; null when a concurrent transaction created it first. */
  async insertState(db: Db, userId: string, key: ItemKey, now: Date): Promise<StateRow | null> {
    const rows = await db.$queryRaw<StateRow[]>`
      INSERT INTO "StudyState" ("userId", kind, "refId", due, "updatedAt", paused)
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
      data: {
        state: row.state,
        due: row.due,
        stability: row.stability,
        difficulty: row.difficulty,
        elapsedDays: row.elapsedDays,
        scheduledDays: row.scheduledDays,
        learningSteps: row.learningSteps,
        reps: row.reps,
        lapses: row.lapses,
        lastReview: row.lastReview,
        suspended: row.suspended,
        buriedUntil: row.buriedUntil,
        leech: row.leech,
        paused: row.paused,
        version: { increment: 1 },
        updatedAt: now,
      },
      select: { version: true },
    });
    return { ...row, version: row.version + 1 };
  }

  async findStates(userId: string, keys: ItemKey[]): Promise<Map<string, StateRow>> {
    if (keys.length === 0) return new Map();
    const rows = await this.prisma.$queryRaw<StateRow[]>`
      SELECT ${STATE_COLUMNS} FROM "StudyState"
      WHERE "userId" = ${userId}::uuid
        AND (kind, "refId") IN (SELECT * FROM unnest(${keys.map((k) => k.kind)}::"StudyKind"[], ${keys.map((k) => k.refId)}::text[]))`;
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

  async insertLog(db: Db, log: NewLog): Promise<void> {
    await db.reviewLog.create({
      data: {
        id: log.id,
        userId: log.userId,
        kind: log.kind,
        refId: log.refId,
        rating: log.rating,
        source: toSourceColumn(log.source),
        reviewedAt: log.reviewedAt,
        durationMs: log.durationMs,
        elapsedDays: log.elapsedDays,
        scheduledDays: log.scheduledDays,
        early: log.early,
        stateBefore: log.before.state,
        stateAfter: log.after.state,
        before: toSnapshot(log.before) as object,
        after: toSnapshot(log.after) as object,
        clientReviewId: log.clientReviewId,
        response: log.response === null ? null : JSON.stringify(log.response),
        revertsId: log.revertsId,
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
      orderBy: [{ reviewedAt: 'desc' }, { seq: 'desc' }],
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

  /** What each item shows (cards, problems; labs have no content table yet), retired ones flagged. */
  async contents(keys: ItemKey[]): Promise<Map<string, ItemContent>> {
    const cardIds = keys.filter((k) => k.kind === 'card').map((k) => k.refId);
    const slugs = keys.filter((k) => k.kind === 'problem').map((k) => k.refId);
    const [cards, problems] = await Promise.all([
      cardIds.length
        ? this.prisma.card.findMany({
            where: { id: { in: cardIds } },
            select: { id: true, deck: true, topic: true, front: true, back: true, tags: true, retiredAt: true },
          })
        : [],
      slugs.length
        ? this.prisma.problem.findMany({
            where: { slug: { in: slugs } },
            select: { slug: true, title: true, difficulty: true, tags: true, retiredAt: true },
          })
        : [],
    ]);
    const out = new Map<string, ItemContent>();
    for (const c of cards) {
      out.set(itemIdOf('card', c.id), {
        content: { kind: 'card', cardId: c.id, deck: c.deck, topic: c.topic, front: c.front, back: c.back, tags: c.tags },
        retired: c.retiredAt !== null,
      });
    }
    for (const p of problems) {
      out.set(itemIdOf('problem', p.slug), {
        content: { kind: 'problem', slug: p.slug, title: p.title, difficulty: p.difficulty as TDifficulty, tags: p.tags },
        retired: p.retiredAt !== null,
      });
    }
    return out;
  }

  /** Whether an item exists and is live: 'live', 'retired', or null for no such item. */
  async contentStatus(db: Db, key: ItemKey): Promise<'live' | 'retired' | null> {
    const row =
      key.kind === 'card'
        ? await db.card.findUnique({ where: { id: key.refId }, select: { retiredAt: true } })
        : key.kind === 'problem'
          ? await db.problem.findUnique({ where: { slug: key.refId }, select: { retiredAt: true } })
          : null;
    if (!row) return null;
    return row.retiredAt ? 'retired' : 'live';
  }
}
