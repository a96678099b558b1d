import {
  type AbstractScheduler,
  type Card,
  type FSRS,
  fsrs,
  generatorParameters,
  type Grade,
  Rating,
  State,
  type StepUnit,
  StrategyMode,
} from 'ts-fsrs';
import type { TMemoryState, TRating, TRatingPreview, TRatingPreviews, TStepsByKind, TStudyKind } from '@prep/contracts';
import { LearnerCalendar } from './learner-calendar';

/** The scheduling fields of one learner's item: what a state row holds and a review log snapshots. */
export interface Schedule {
  state: TMemoryState;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
}

export interface SchedulerConfig {
  desiredRetention: number;
  maximumIntervalDays: number;
  fuzz: boolean;
  /** FSRS parameters; empty = the ts-fsrs defaults. */
  weights: readonly number[];
  steps: TStepsByKind;
}

export interface Rated {
  next: Schedule;
  /** Learner days since the previous review (0 for a new item). */
  elapsedDays: number;
  /** Reviewed before it was due. */
  early: boolean;
}

const STATES: Record<TMemoryState, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};
const STATE_NAMES: Record<State, TMemoryState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
export const GRADES: Record<TRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

type SeededCard = Card & { seed: string };

/**
 * Fuzz is seeded by learner, item and repetition (never by wall time), so the same history always schedules the same
 * way: a test can replay it, and a preview shows exactly what the rating will do.
 */
export function seedStrategy(this: AbstractScheduler): string {
  const card = Reflect.get(this, 'current') as SeededCard;
  return `${card.seed}:${card.reps}`;
}

/** A schedule for an item never studied. */
export function newSchedule(now: Date): Schedule {
  return {
    state: 'new',
    due: now,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    lastReview: null,
  };
}

/**
 * FSRS (ts-fsrs) in the learner's days. ts-fsrs runs on a clock where each learner day is one UTC day (see
 * LearnerCalendar.toSchedulerTime), so its elapsed days, intervals and fuzz are learner days across DST. Day intervals
 * come due at the start of the learner day (the rollover hour), as in Anki; learning steps come due after their
 * minutes. Pure: `now` and the fuzz seed are passed in.
 */
export class Scheduler {
  private readonly engines = new Map<TStudyKind, FSRS>();

  constructor(
    readonly config: SchedulerConfig,
    readonly calendar: LearnerCalendar,
  ) {}

  engine(kind: TStudyKind): FSRS {
    let engine = this.engines.get(kind);
    if (!engine) {
      const steps = this.config.steps[kind];
      engine = fsrs(
        generatorParameters({
          request_retention: this.config.desiredRetention,
          maximum_interval: this.config.maximumIntervalDays,
          enable_fuzz: this.config.fuzz,
          enable_short_term: true,
          learning_steps: steps.learning as StepUnit[],
          relearning_steps: steps.relearning as StepUnit[],
          ...(this.config.weights.length > 0 ? { w: [...this.config.weights] } : {}),
        }),
      ).useStrategy(StrategyMode.SEED, seedStrategy);
      this.engines.set(kind, engine);
    }
    return engine;
  }

  rate(kind: TStudyKind, current: Schedule, rating: TRating, now: Date, seed: string): Rated {
    const result = this.engine(kind).next(this.toCard(current, seed), this.calendar.toSchedulerTime(now), GRADES[rating]);
    return {
      next: this.fromCard(result.card, now),
      elapsedDays: this.elapsedDays(current, now),
      early: current.state !== 'new' && now < current.due,
    };
  }

  /** What each rating would do now, for the answer buttons. */
  preview(kind: TStudyKind, current: Schedule, now: Date, seed: string): TRatingPreviews {
    const preview = this.engine(kind).repeat(this.toCard(current, seed), this.calendar.toSchedulerTime(now));
    const one = (rating: TRating): TRatingPreview => {
      const next = this.fromCard(preview[GRADES[rating]].card, now);
      const minutes = next.scheduledDays === 0 ? Math.max(1, Math.round((next.due.getTime() - now.getTime()) / 60_000)) : null;
      return {
        due: next.due.toISOString(),
        state: next.state,
        days: next.scheduledDays,
        minutes,
        label: intervalLabel(next.scheduledDays, minutes),
      };
    };
    return { again: one('again'), hard: one('hard'), good: one('good'), easy: one('easy') };
  }

  /** Probability of recall now; null for a new item. */
  retrievability(kind: TStudyKind, current: Schedule, now: Date): number | null {
    if (current.state === 'new' || current.stability <= 0) return null;
    return this.engine(kind).forgetting_curve(this.elapsedDays(current, now), current.stability);
  }

  /** Reset (forget): new again; counts kept unless asked (ts-fsrs `forget`). */
  forget(current: Schedule, now: Date, resetCounts: boolean): Schedule {
    return {
      ...newSchedule(now),
      reps: resetCounts ? 0 : current.reps,
      lapses: resetCounts ? 0 : current.lapses,
      lastReview: current.lastReview,
    };
  }

  /**
   * "I already know this": straight into review, first due `intervalDays` learner days from today, with the
   * stability at which FSRS would choose that interval at the desired retention and the difficulty of a first `good`.
   */
  known(kind: TStudyKind, current: Schedule, intervalDays: number, now: Date): Schedule {
    const engine = this.engine(kind);
    return {
      ...current,
      state: 'review',
      due: this.dayStart(now, intervalDays),
      stability: intervalDays / engine.interval_modifier,
      difficulty: engine.init_difficulty(Rating.Good),
      elapsedDays: 0,
      scheduledDays: intervalDays,
      learningSteps: 0,
      lastReview: now,
    };
  }

  /** Set due date: the start of the learner day `days` from today. A new item starts in review (as Anki does). */
  setDue(kind: TStudyKind, current: Schedule, days: number, now: Date): Schedule {
    if (current.state === 'new')
      return { ...this.known(kind, current, Math.max(1, days), now), due: this.dayStart(now, days), scheduledDays: days };
    return { ...current, due: this.dayStart(now, days), scheduledDays: days };
  }

  /** Learner days between the last review and now. */
  elapsedDays(current: Schedule, now: Date): number {
    if (current.state === 'new' || !current.lastReview) return 0;
    return Math.max(0, this.calendar.dayOf(now) - this.calendar.dayOf(current.lastReview));
  }

  private dayStart(now: Date, days: number): Date {
    return this.calendar.startOf(this.calendar.dayOf(now) + days);
  }

  private toCard(schedule: Schedule, seed: string): SeededCard {
    return {
      due: this.calendar.toSchedulerTime(schedule.due),
      stability: schedule.stability,
      difficulty: schedule.difficulty,
      elapsed_days: schedule.elapsedDays,
      scheduled_days: schedule.scheduledDays,
      learning_steps: schedule.learningSteps,
      reps: schedule.reps,
      lapses: schedule.lapses,
      state: STATES[schedule.state],
      last_review: schedule.lastReview ? this.calendar.toSchedulerTime(schedule.lastReview) : undefined,
      seed,
    };
  }

  /** Back from scheduler time: day intervals start at the learner's rollover; learning steps keep their minutes. */
  private fromCard(card: Card, now: Date): Schedule {
    const due =
      card.scheduled_days >= 1
        ? this.dayStart(now, card.scheduled_days)
        : new Date(now.getTime() + (card.due.getTime() - this.calendar.toSchedulerTime(now).getTime()));
    return {
      state: STATE_NAMES[card.state],
      due,
      stability: card.stability,
      difficulty: card.difficulty,
      elapsedDays: card.elapsed_days,
      scheduledDays: card.scheduled_days,
      learningSteps: card.learning_steps,
      reps: card.reps,
      lapses: card.lapses,
      lastReview: now,
    };
  }
}

const oneDecimal = (n: number) => String(Math.round(n * 10) / 10);

/** Anki's short interval labels: 10m, 3h, 12d, 3.2mo, 1.5y. */
export function intervalLabel(days: number, minutes: number | null): string {
  if (minutes !== null) return minutes < 60 ? `${minutes}m` : `${oneDecimal(minutes / 60)}h`;
  if (days < 30) return `${days}d`;
  if (days < 365) return `${oneDecimal(days / 30)}mo`;
  return `${oneDecimal(days / 365)}y`;
}
