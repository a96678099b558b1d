import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { DecksController } from './decks/decks.controller';
import { DecksModule } from './decks/decks.module';
import { OptimizerController } from './optimizer/optimizer.controller';
import { OptimizerModule } from './optimizer/optimizer.module';
import { RemindersModule } from './reminders/reminders.module';
import { LearnerSettingsService } from './settings/learner-settings.service';
import { SettingsController } from './settings/settings.controller';
import { SettingsModule } from './settings/settings.module';
import { StatsController } from './stats/stats.controller';
import { StatsModule } from './stats/stats.module';
import { ItemsController } from './study/items.controller';
import { ReviewController } from './study/review.controller';
import { StudyModule } from './study/study.module';

/**
 * The learner core's HTTP routes. Its slices (settings, study, decks, stats, optimizer) keep their controllers here
 * rather than in their own modules, because the worker imports those modules and has no HTTP or session guard.
 * /settings also carries the reminder settings (LearnerSettingsService).
 */
@Module({
  imports: [AuthModule, SettingsModule, StudyModule, DecksModule, StatsModule, OptimizerModule, RemindersModule],
  controllers: [DecksController, ReviewController, ItemsController, SettingsController, OptimizerController, StatsController],
  providers: [LearnerSettingsService],
})
export class LearnerHttpModule {}
