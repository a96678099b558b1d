import { Injectable } from '@nestjs/common';
import { clipParameters, default_w, migrateParameters } from 'ts-fsrs';
import type { TStudySettings, TUpdateSettingsRequest } from '@prep/contracts';
import { LearnerCalendar } from '../study/scheduler/learner-calendar';
import { Scheduler } from '../study/scheduler/scheduler';
import { DEFAULT_STORED_SETTINGS, SettingsRepository, type StoredSettings } from './settings.repository';

/** FSRS parameters as the optimizer and ts-fsrs want them: FSRS-6 (21), clamped to the ranges FSRS allows. */
export function normalizeWeights(weights: readonly number[], relearningSteps: number): number[] {
  return clipParameters(migrateParameters(weights), relearningSteps);
}

/** What scheduling needs of a learner's settings, built once per request. */
export interface LearnerSchedule {
  settings: StoredSettings;
  calendar: LearnerCalendar;
  scheduler: Scheduler;
}

@Injectable()
export class SettingsService {
  constructor(private readonly repository: SettingsRepository) {}

  async get(userId: string): Promise<TStudySettings> {
    const stored = await this.repository.find(userId);
    return this.toContract(stored, await this.repository.countRatedReviewsSince(userId, stored.optimizedAt));
  }

  async update(userId: string, change: Omit<TUpdateSettingsRequest, 'reminders'>): Promise<TStudySettings> {
    const current = await this.repository.find(userId);
    const steps = { ...current.steps };
    for (const kind of ['card', 'problem', 'lab'] as const) steps[kind] = { ...steps[kind], ...change.steps?.[kind] };
    const next: StoredSettings = {
      ...current,
      ...pick(change, ['desiredRetention', 'reviewsPerDay', 'rolloverHour', 'timezone', 'fuzz', 'maximumIntervalDays', 'leechThreshold']),
      newPerDay: { ...current.newPerDay, ...change.newPerDay },
      steps,
    };
    if (change.fsrsWeights === null) next.fsrsWeights = [];
    else if (change.fsrsWeights) next.fsrsWeights = normalizeWeights(change.fsrsWeights, steps.card.relearning.length);
    await this.repository.save(userId, next);
    return this.get(userId);
  }

  /** Each learner's IANA timezone (the default for one who never chose), for reminders. */
  async timezones(userIds: readonly string[]): Promise<Map<string, string>> {
    const chosen = await this.repository.timezones(userIds);
    return new Map(userIds.map((id) => [id, chosen.get(id) ?? DEFAULT_STORED_SETTINGS.timezone]));
  }

  /** Keeps the optimizer's parameters (only those, so a settings change made meanwhile survives). */
  applyOptimizedWeights(userId: string, weights: number[], at: Date): Promise<void> {
    return this.repository.saveWeights(userId, weights, at);
  }

  /** The learner's settings with their calendar and an FSRS scheduler configured from them. */
  async forScheduling(userId: string): Promise<LearnerSchedule> {
    const settings = await this.repository.find(userId);
    return scheduleFor(settings);
  }

  private toContract(stored: StoredSettings, reviewsSinceOptimization: number): TStudySettings {
    const { fsrsWeights, optimizedAt, ...rest } = stored;
    return {
      ...rest,
      fsrs: {
        weights: fsrsWeights.length > 0 ? fsrsWeights : [...default_w],
        isDefault: fsrsWeights.length === 0,
        optimizedAt: optimizedAt?.toISOString() ?? null,
        reviewsSinceOptimization,
      },
    };
  }
}

export function scheduleFor(settings: StoredSettings): LearnerSchedule {
  const calendar = new LearnerCalendar(settings.timezone, settings.rolloverHour);
  const scheduler = new Scheduler(
    {
      desiredRetention: settings.desiredRetention,
      maximumIntervalDays: settings.maximumIntervalDays,
      fuzz: settings.fuzz,
      weights: settings.fsrsWeights,
      steps: settings.steps,
    },
    calendar,
  );
  return { settings, calendar, scheduler };
}

function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}
