import { Injectable } from '@nestjs/common';
import { DEFAULT_SETTINGS, type TStepsByKind } from '@prep/contracts';
import { PrismaService } from '../prisma/prisma.service';

/** A learner's settings as stored (the contracts' defaults when no row exists). */
export interface StoredSettings {
  desiredRetention: number;
  newPerDay: { card: number; problem: number; lab: number };
  reviewsPerDay: number;
  steps: TStepsByKind;
  rolloverHour: number;
  timezone: string;
  fuzz: boolean;
  maximumIntervalDays: number;
  leechThreshold: number;
  /** Empty = the ts-fsrs defaults. */
  fsrsWeights: number[];
  optimizedAt: Date | null;
}

type SettingsRow = Omit<ReturnType<typeof toData>, 'steps' | 'fsrsWeights'> & { steps: unknown; fsrsWeights: number[] | null };

export const DEFAULT_STORED_SETTINGS: StoredSettings = { ...DEFAULT_SETTINGS, fsrsWeights: [], optimizedAt: null };

@Injectable()
export class SettingsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Read on every queue and rating request, so raw SQL (no per-call query compilation). */
  async find(userId: string): Promise<StoredSettings> {
    const [row] = await this.prisma.$queryRaw<SettingsRow[]>`
      SELECT "desiredRetention", "newCardsPerDay", "newProblemsPerDay", "newLabsPerDay", "reviewsPerDay", steps, "rolloverHour",
        timezone, fuzz, "maximumIntervalDays", "leechThreshold", "fsrsWeights", "optimizedAt"
      FROM "StudySettings" WHERE "userId" = ${userId}::uuid`;
    if (!row) return DEFAULT_STORED_SETTINGS;
    return {
      desiredRetention: row.desiredRetention,
      newPerDay: { card: row.newCardsPerDay, problem: row.newProblemsPerDay, lab: row.newLabsPerDay },
      reviewsPerDay: row.reviewsPerDay,
      steps: inKindOrder(row.steps as TStepsByKind),
      rolloverHour: row.rolloverHour,
      timezone: row.timezone,
      fuzz: row.fuzz,
      maximumIntervalDays: row.maximumIntervalDays,
      leechThreshold: row.leechThreshold,
      fsrsWeights: row.fsrsWeights ?? [],
      optimizedAt: row.optimizedAt,
    };
  }

  /** The timezone of each learner who chose one. */
  async timezones(userIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.prisma.$queryRaw<{ userId: string; timezone: string }[]>`
      SELECT "userId", timezone FROM "StudySettings" WHERE "userId" = ANY(${[...userIds]}::uuid[])`;
    return new Map(rows.map((r) => [r.userId, r.timezone]));
  }

  async save(userId: string, settings: StoredSettings): Promise<void> {
    const data = toData(settings);
    await this.prisma.studySettings.upsert({ where: { userId }, create: { userId, ...data }, update: data, select: { userId: true } });
  }

  /** Only the FSRS parameters (the optimizer), so a concurrent settings change is not overwritten. */
  async saveWeights(userId: string, fsrsWeights: number[], optimizedAt: Date): Promise<void> {
    await this.prisma.studySettings.upsert({
      where: { userId },
      create: { userId, ...toData({ ...DEFAULT_STORED_SETTINGS, fsrsWeights, optimizedAt }) },
      update: { fsrsWeights, optimizedAt },
      select: { userId: true },
    });
  }

  /** Rated reviews that count for the optimizer since a time (all when null). */
  async countRatedReviewsSince(userId: string, since: Date | null): Promise<number> {
    return this.prisma.reviewLog.count({
      where: { userId, rating: { not: null }, undoneAt: null, ...(since ? { reviewedAt: { gt: since } } : {}) },
    });
  }
}

function toData(settings: StoredSettings) {
  return {
    desiredRetention: settings.desiredRetention,
    newCardsPerDay: settings.newPerDay.card,
    newProblemsPerDay: settings.newPerDay.problem,
    newLabsPerDay: settings.newPerDay.lab,
    reviewsPerDay: settings.reviewsPerDay,
    steps: settings.steps,
    rolloverHour: settings.rolloverHour,
    timezone: settings.timezone,
    fuzz: settings.fuzz,
    maximumIntervalDays: settings.maximumIntervalDays,
    leechThreshold: settings.leechThreshold,
    fsrsWeights: settings.fsrsWeights,
    optimizedAt: settings.optimizedAt,
  };
}

/** jsonb keeps keys in its own order; answer them in the contracts' order. */
function inKindOrder(steps: TStepsByKind): TStepsByKind {
  return { card: steps.card, problem: steps.problem, lab: steps.lab };
}
