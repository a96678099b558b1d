import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type TReminderSettings,
  type TReminderSettingsUpdate,
  type TUnsubscribePreview,
  type TUnsubscribeResponse,
} from '@prep/contracts';
import { AppError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { ReminderLinks } from './reminder-links';
import { toPreferenceRow, toReminderSettings } from './reminders.mapper';
import { RemindersRepository } from './reminders.repository';
import { maskEmail } from './unsubscribe-token';

/** The API's half of reminders: the learner's settings (part of /api/settings) and the unsubscribe link. */
@Injectable()
export class RemindersService {
  constructor(
    private readonly repository: RemindersRepository,
    private readonly links: ReminderLinks,
    private readonly clock: Clock,
  ) {}

  async getSettings(userId: string): Promise<TReminderSettings> {
    return toReminderSettings(await this.repository.findPreference(userId));
  }

  /**
   * Applies any subset of the settings. Turning reminders on, or moving their time, days or timezone, starts the
   * schedule now: a time already past today waits for its next day rather than mailing at once as a missed one.
   * A learner who never stored reminder settings and changes nothing here keeps the defaults without a row.
   */
  async updateSettings(
    userId: string,
    update: TReminderSettingsUpdate,
    options: { timezoneChanged?: boolean } = {},
  ): Promise<TReminderSettings> {
    const stored = await this.repository.findPreference(userId);
    const current = toReminderSettings(stored);
    if (!stored && Object.keys(update).length === 0) return current;
    const next = toReminderSettings(toPreferenceRow({ ...current, ...update }));
    const turnedOn = next.enabled && !current.enabled;
    const rescheduled =
      !stored ||
      turnedOn ||
      options.timezoneChanged === true ||
      next.localTime !== current.localTime ||
      next.weekdays.join() !== current.weekdays.join();
    await this.repository.savePreference(userId, toPreferenceRow(next), {
      ...(rescheduled ? { activeSince: this.clock.now() } : {}),
      ...(turnedOn ? { unsubscribedAt: null } : {}),
    });
    return next;
  }

  /** What the link would do; changes nothing (mail scanners fetch links before people click them). */
  async previewUnsubscribe(token: string): Promise<TUnsubscribePreview> {
    const { account } = await this.accountOf(token);
    return { email: maskEmail(account.email), remindersEnabled: account.remindersEnabled };
  }

  /** Reminders off, at once and without signing in. Idempotent. */
  async unsubscribe(token: string): Promise<TUnsubscribeResponse> {
    const { userId, account } = await this.accountOf(token);
    await this.repository.disable(userId, this.clock.now());
    return { unsubscribed: true, email: maskEmail(account.email) };
  }

  private async accountOf(token: string) {
    const verified = this.links.verifyUnsubscribeToken(token);
    if (!verified) {
      throw new AppError(
        ErrorCode.InvalidToken,
        'This unsubscribe link is not valid: it may have been cut short or altered. Use the link from the latest reminder, or turn reminders off in Settings.',
      );
    }
    const account = await this.repository.findAccount(verified.userId);
    if (!account) throw new AppError(ErrorCode.NotFound, 'This account no longer exists, so it gets no reminders.');
    return { userId: verified.userId, account };
  }
}
