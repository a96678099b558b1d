import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { ItemsService } from './items.service';
import { QueueRepository } from './queue.repository';
import { ReviewsService } from './reviews.service';
import { StudyItemsReader } from './study-items.reader';
import { StudyQueueService } from './study-queue.service';
import { StudyRepository } from './study.repository';

/**
 * The scheduling core: FSRS ratings, outcomes, undo, item actions, the queue. No HTTP here, so the worker (and the
 * submissions pipeline) can import it; ReviewController and ItemsController are mounted by LearnerHttpModule.
 * Exports ReviewsService (recordOutcome, itemState) and StudyQueueService (countDue) for other slices.
 */
@Module({
  imports: [SettingsModule],
  providers: [ReviewsService, ItemsService, StudyQueueService, StudyItemsReader, StudyRepository, QueueRepository],
  exports: [ReviewsService, ItemsService, StudyQueueService, StudyItemsReader],
})
export class StudyModule {}
