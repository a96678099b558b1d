import { type AbstractScheduler, type Card, createEmptyCard, fsrs, generatorParameters, Rating, StrategyMode } from 'ts-fsrs';
import type { TRating } from '@prep/contracts';

/**
 * What the scheduler should do for a learner with the default settings (UTC, the day rolling over at 04:00, fuzz on,
 * no learning steps for problems), computed here from ts-fsrs alone: the first rating of a never-studied problem.
 */
const DAY_MS = 86_400_000;
const ROLLOVER_MS = 4 * 3_600_000;
const GRADES = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy } as const;

const learnerDay = (at: Date) => Math.floor((at.getTime() - ROLLOVER_MS) / DAY_MS);
/** ts-fsrs counts UTC days: its clock has each learner day as one UTC day. */
const fsrsTime = (at: Date) => new Date(at.getTime() - ROLLOVER_MS);

/** Fuzz is seeded by learner, item and repetition. */
function seed(this: AbstractScheduler): string {
  const card = Reflect.get(this, 'current') as Card & { seed: string };
  return `${card.seed}:${card.reps}`;
}
const problems = fsrs(
  generatorParameters({ enable_fuzz: true, enable_short_term: true, learning_steps: [], relearning_steps: [] }),
).useStrategy(StrategyMode.SEED, seed);

/** When a default learner's never-studied problem is due after its first rating at `at`. */
export function firstProblemDue(userId: string, slug: string, rating: TRating, at: Date): Date {
  const card = { ...createEmptyCard(fsrsTime(at)), seed: `${userId}:problem:${slug}` };
  const next = problems.next(card, fsrsTime(at), GRADES[rating]).card;
  if (next.scheduled_days < 1) return new Date(at.getTime() + next.due.getTime() - fsrsTime(at).getTime());
  return new Date((learnerDay(at) + next.scheduled_days) * DAY_MS + ROLLOVER_MS);
}
