import { Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { createQueue } from '../queue/redis';
import type IORedis from 'ioredis';
import { QueueName } from '@prep/contracts';
import { WORKER_ENV } from '../../config/config.tokens';
import type { WorkerEnv } from '../../config/env';
import { BULL_CONNECTION } from '../queue/queue.tokens';
import { SettingsModule } from '../settings/settings.module';
import { StatsModule } from '../stats/stats.module';
import { StudyModule } from '../study/study.module';
import { ReminderComposer } from './email/reminder-composer';
import { REMINDER_EMAILS_QUEUE, REMINDER_TICKS_QUEUE } from './jobs/reminder-queues';
import { ReminderScheduler } from './jobs/reminder-scheduler';
import { ReminderSender } from './jobs/reminder-sender';
import { RemindersProcessor } from './jobs/reminders.processor';
import { LearnerReviewState } from './learner-state';
import { Mailer } from './mailer';
import { ReminderLinks } from './reminder-links';
import { RemindersRepository } from './reminders.repository';

const queue = (token: symbol, name: string) => ({
  provide: token,
  inject: [WORKER_ENV, BULL_CONNECTION],
  useFactory: (env: WorkerEnv, connection: IORedis) => createQueue(name, connection, env.QUEUE_PREFIX),
});

/** The worker's half of reminders: the 15-minute scheduler and the email sender, reading the learner core. */
@Module({
  imports: [SettingsModule, StudyModule, StatsModule],
  providers: [
    queue(REMINDER_TICKS_QUEUE, QueueName.Reminders),
    queue(REMINDER_EMAILS_QUEUE, QueueName.ReminderEmails),
    LearnerReviewState,
    RemindersRepository,
    ReminderLinks,
    ReminderComposer,
    Mailer,
    ReminderScheduler,
    ReminderSender,
    RemindersProcessor,
  ],
  exports: [ReminderScheduler],
})
export class RemindersWorkerModule implements OnModuleDestroy {
  constructor(
    @Inject(REMINDER_TICKS_QUEUE) private readonly ticks: Queue,
    @Inject(REMINDER_EMAILS_QUEUE) private readonly emails: Queue,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.ticks.close(), this.emails.close()]);
  }
}
