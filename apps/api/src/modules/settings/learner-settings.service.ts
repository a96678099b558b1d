import { Injectable } from '@nestjs/common';
import type { TSettings, TUpdateSettingsRequest } from '@prep/contracts';
import { RemindersService } from '../reminders/reminders.service';
import { SettingsService } from './settings.service';

/**
 * `GET/PUT /api/settings`: the study settings and the review reminders, read and changed as one. API only: the
 * worker reads the two apart (SettingsService, RemindersRepository).
 */
@Injectable()
export class LearnerSettingsService {
  constructor(
    private readonly study: SettingsService,
    private readonly reminders: RemindersService,
  ) {}

  async get(userId: string): Promise<TSettings> {
    const [study, reminders] = await Promise.all([this.study.get(userId), this.reminders.getSettings(userId)]);
    return { ...study, reminders };
  }

  /**
   * The reminder part goes first: a new timezone restarts the reminder schedule before the scheduler can see the new
   * timezone, so a reminder time already past today there waits for tomorrow instead of going out at once as missed.
   */
  async update(userId: string, change: TUpdateSettingsRequest): Promise<TSettings> {
    const { reminders: reminderChange, ...studyChange } = change;
    const timezoneChanged =
      studyChange.timezone !== undefined && studyChange.timezone !== (await this.study.timezones([userId])).get(userId);
    const reminders =
      reminderChange || timezoneChanged
        ? await this.reminders.updateSettings(userId, reminderChange ?? {}, { timezoneChanged })
        : await this.reminders.getSettings(userId);
    return { ...(await this.study.update(userId, studyChange)), reminders };
  }
}
