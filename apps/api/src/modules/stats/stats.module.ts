import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { StudyModule } from '../study/study.module';
import { StatsRepository } from './stats.repository';
import { StatsService } from './stats.service';

/** The dashboard's numbers. StatsController is mounted by LearnerHttpModule. */
@Module({ imports: [SettingsModule, StudyModule], providers: [StatsService, StatsRepository], exports: [StatsService] })
export class StatsModule {}
