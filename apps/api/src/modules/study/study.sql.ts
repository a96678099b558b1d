import { Prisma } from '../../generated/prisma/client';

/** SQL shared by the queue, decks and stats, so "enrolled" and "due" mean one thing everywhere. */

/** Items of enrolled, live decks (aliases e, d, di). */
export const ENROLLED_ITEMS = Prisma.sql`
  "Enrollment" e
  JOIN "Deck" d ON d.slug = e."deckSlug" AND d."retiredAt" IS NULL
  JOIN "DeckItem" di ON di."deckSlug" = e."deckSlug"`;

/**
 * A deck item learners may see (alias di): not a retired problem. Built-in decks list only live items; a deck may
 * list an authored problem that is a draft or archived (retired), which learners must not see or count.
 */
export const LIVE_DECK_ITEM = Prisma.sql`NOT EXISTS (
  SELECT 1 FROM "Problem" rp WHERE di.kind = 'problem' AND rp.slug = di."refId" AND rp."retiredAt" IS NOT NULL)`;

/** Is the state row `s` (user, kind, refId) held by one of its learner's enrolled decks? */
export const IN_ENROLLED_DECK = Prisma.sql`EXISTS (SELECT 1 FROM ${ENROLLED_ITEMS} WHERE e."userId" = s."userId" AND di.kind = s.kind AND di."refId" = s."refId")`;

/** New items' order: the deck enrolled first, then deck position (positions stay below 100,000). */
export const NEW_RANK = Prisma.sql`(floor(extract(epoch FROM e."enrolledAt") * 1000))::bigint * 100000 + di.position`;

/**
 * The new rank of the `index`-th concept card a problem's lapse at `at` introduces: negative, so ahead of every deck's
 * new items (NEW_RANK is never negative); earlier lapses first, then the problem's order of its concepts.
 */
export function lapseRank(at: Date, index: number): bigint {
  return -(2n ** 62n) + BigInt(at.getTime()) * 1000n + BigInt(index);
}

/** A new item a lapse introduced (its rank came from lapseRank). */
export const INTRODUCED_BY_LAPSE = Prisma.sql`s."newRank" < 0`;

/** Rows the queues may show (the predicate of both partial queue indexes, minus the state). */
export const SHOWABLE = Prisma.sql`NOT s.suspended AND NOT s.paused AND NOT s.retired`;

/** Not buried at `now`. */
export const unburied = (now: Date) => Prisma.sql`(s."buriedUntil" IS NULL OR s."buriedUntil" <= ${now})`;

/** A studied item the queue would show at `now`. */
export const dueAt = (now: Date) => Prisma.sql`(s.state <> 'new' AND ${SHOWABLE} AND s.due <= ${now} AND ${unburied(now)})`;

/** Every column of a StateRow, from the table aliased s. */
export const STATE_COLUMNS = Prisma.raw(
  `s.kind, s."refId", s.state, s.due, s.stability, s.difficulty, s."elapsedDays", s."scheduledDays", s."learningSteps", s.reps,
   s.lapses, s."lastReview", s.suspended, s."buriedUntil", s.leech, s.paused, s.retired, s.version`,
);
