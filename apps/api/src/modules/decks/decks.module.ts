import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { StudyModule } from '../study/study.module';
import { DecksRepository } from './decks.repository';
import { DecksService } from './decks.service';
import { EnrollmentRepository } from './enrollment.repository';

/** Decks, their items with my state, and enrollment. DecksController is mounted by LearnerHttpModule. */
@Module({
  imports: [SettingsModule, StudyModule],
  providers: [DecksService, DecksRepository, EnrollmentRepository],
  exports: [DecksService, EnrollmentRepository],
})
export class DecksModule {}
