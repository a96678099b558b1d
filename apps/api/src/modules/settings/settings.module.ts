import { Module } from '@nestjs/common';
import { SettingsRepository } from './settings.repository';
import { SettingsService } from './settings.service';

/** Per-learner study settings: retention, limits, steps per kind, timezone and rollover, FSRS parameters. No HTTP here (the worker uses it too); SettingsController is mounted by LearnerHttpModule. */
@Module({ providers: [SettingsService, SettingsRepository], exports: [SettingsService] })
export class SettingsModule {}
