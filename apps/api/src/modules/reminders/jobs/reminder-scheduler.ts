import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ReminderJob, reminderJobId, type TReminderSendJob } from '@prep/contracts';
import { Clock } from '../../../common/clock';
import { WORKER_ENV } from '../../../config/config.tokens';
import type { WorkerEnv } from '../../../config/env';
import { LearnerReviewState } from '../learner-state';
import { dueOccurrence, MAX_LATENESS_MS, MIN_GAP_MS } from '../reminder-schedule';
import { RemindersRepository } from '../reminders.repository';
import { REMINDER_EMAILS_QUEUE, sendJobOptions } from './reminder-queues';

const PAGE_SIZE = 500;
/** Past decisions that can clash with an occurrence no older than MAX_LATENESS_MS (same date or within MIN_GAP_MS). */
const LOOKBACK_MS = MAX_LATENESS_MS + MIN_GAP_MS + 36 * 3_600_000;

export interface TickReport {
  learners: number;
  enqueued: number;
  errors: number;
}

/**
 * The 15-minute pass: for every learner with reminders on, the occurrence that fell due since the last decision (the
 * window just past, or one a stopped worker missed) becomes one send job, id `reminder:<user>:<local date>`.
 * Whether anything is due is counted by the send job, at sending time. Safe to run late, twice, or on two workers.
 */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger('ReminderScheduler');

  constructor(
    private readonly repository: RemindersRepository,
    private readonly learnerState: LearnerReviewState,
    private readonly clock: Clock,
    @Inject(REMINDER_EMAILS_QUEUE) private readonly emails: Queue,
    @Inject(WORKER_ENV) private readonly env: WorkerEnv,
  ) {}

  async tick(now: Date = this.clock.now()): Promise<TickReport> {
    const report: TickReport = { learners: 0, enqueued: 0, errors: 0 };
    let after: string | null = null;
    for (;;) {
      const page = await this.repository.enabledPreferences(after, PAGE_SIZE);
      if (page.length === 0) break;
      after = page[page.length - 1]!.userId;
      const ids = page.map((p) => p.userId);
      const [zones, decisions] = await Promise.all([
        this.learnerState.timezones(ids),
        this.repository.recentDecisions(ids, new Date(now.getTime() - LOOKBACK_MS)),
      ]);
      const jobs: { name: string; data: TReminderSendJob; opts: ReturnType<typeof sendJobOptions> }[] = [];
      for (const preference of page) {
        report.learners++;
        const timezone = zones.get(preference.userId) ?? 'UTC';
        try {
          const occurrence = dueOccurrence(
            { timezone, minuteOfDay: preference.minuteOfDay, weekdays: preference.weekdays },
            { now, activeSince: preference.activeSince, past: decisions.get(preference.userId) ?? [] },
          );
          if (!occurrence) continue;
          jobs.push({
            name: ReminderJob.Send,
            data: { userId: preference.userId, localDate: occurrence.localDate, scheduledFor: occurrence.at.toISOString(), timezone },
            opts: { ...sendJobOptions(this.env), jobId: reminderJobId(preference.userId, occurrence.localDate) },
          });
        } catch (e) {
          // One learner's bad data (say, a timezone this runtime does not know) never holds up the others.
          report.errors++;
          this.logger.error({ userId: preference.userId, timezone, err: (e as Error).message }, 'cannot schedule a reminder');
        }
      }
      if (jobs.length > 0) await this.emails.addBulk(jobs);
      report.enqueued += jobs.length;
      if (page.length < PAGE_SIZE) break;
    }
    if (report.enqueued > 0 || report.errors > 0) this.logger.log({ ...report, at: now.toISOString() }, 'reminder tick');
    return report;
  }
}
