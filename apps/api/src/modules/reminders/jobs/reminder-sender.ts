import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import type { TReminderSendJob } from '@prep/contracts';
import { Clock } from '../../../common/clock';
import { ReminderComposer } from '../email/reminder-composer';
import { LearnerReviewState } from '../learner-state';
import { isPermanentSmtpFailure, Mailer } from '../mailer';
import { RemindersRepository } from '../reminders.repository';

export type SendOutcome =
  'sent' | 'account_deleted' | 'reminders_off' | 'nothing_due' | 'below_minimum' | 'already_decided' | 'interrupted';

/**
 * One reminder for one learner and local date. Checks again at sending time (account gone, reminders turned off,
 * fewer items due than the learner's minimum), counts what is due now, and records every outcome in the send log.
 * The log row moves pending → sending → sent, so a retry, a second worker or a restart never sends twice.
 */
@Injectable()
export class ReminderSender {
  private readonly logger = new Logger('ReminderSender');

  constructor(
    private readonly repository: RemindersRepository,
    private readonly learnerState: LearnerReviewState,
    private readonly composer: ReminderComposer,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
  ) {}

  /** Throws on an SMTP failure so the queue retries; `lastAttempt` records it as failed instead. */
  async send(job: TReminderSendJob, lastAttempt: boolean): Promise<SendOutcome> {
    const recipient = await this.repository.findRecipient(job.userId);
    if (!recipient) return 'account_deleted'; // its log went with it
    const record = await this.repository.claimDecision({
      userId: job.userId,
      localDate: job.localDate,
      scheduledFor: new Date(job.scheduledFor),
      timezone: job.timezone,
    });
    if (record.status === 'sending') {
      await this.repository.markInterrupted(record.id);
      return 'interrupted';
    }
    if (record.status !== 'pending') return 'already_decided';
    if (!recipient.preference?.enabled) {
      await this.repository.markSkipped(record.id, 'reminders_off');
      return 'reminders_off';
    }
    const snapshot = await this.learnerState.snapshot(job.userId, this.clock.now());
    if (snapshot.due.total === 0 || snapshot.due.total < recipient.preference.minDue) {
      const reason = snapshot.due.total === 0 ? 'nothing_due' : 'below_minimum';
      await this.repository.markSkipped(record.id, reason, snapshot);
      return reason;
    }
    const mail = await this.composer.compose({
      userId: job.userId,
      localDate: job.localDate,
      displayName: recipient.displayName,
      ...snapshot,
    });
    if (!(await this.repository.markSending(record.id, snapshot, mail.messageId))) return 'already_decided';
    try {
      await this.mailer.send(recipient.email, mail);
    } catch (e) {
      const permanent = isPermanentSmtpFailure(e);
      const message = (e as Error).message;
      await this.repository.markAttemptFailed(record.id, message, lastAttempt || permanent);
      this.logger.warn({ userId: job.userId, localDate: job.localDate, permanent, lastAttempt, err: message }, 'reminder not sent');
      throw permanent ? new UnrecoverableError(message) : e;
    }
    await this.repository.markSent(record.id, this.clock.now());
    return 'sent';
  }
}
