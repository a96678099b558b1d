import { Module } from '@nestjs/common';
import { ContentLinksModule } from '../content/content-links.module';
import { SettingsModule } from '../settings/settings.module';
import { ItemsService } from './items.service';
import { LinkedConceptsRepository } from './linked-concepts.repository';
import { LinkedConceptsService } from './linked-concepts.service';
import { QueueRepository } from './queue.repository';
import { ReviewsService } from './reviews.service';
import { StudyItemsReader } from './study-items.reader';
import { StudyQueueService } from './study-queue.service';
import { StudyRepository } from './study.repository';

/**
 * The scheduling core: FSRS ratings, outcomes, undo, item actions, the queue. No HTTP here, so the worker (and the
 * submissions pipeline) can import it; ReviewController and ItemsController are mounted by LearnerHttpModule.
 * Exports ReviewsService (recordOutcome, itemState), StudyQueueService (countDue) and LinkedConceptsService (a
 * problem's concepts with my state) for other slices.
 */
@Module({
  imports: [SettingsModule, ContentLinksModule],
  providers: [
    ReviewsService,
    ItemsService,
    StudyQueueService,
    StudyItemsReader,
    StudyRepository,
    QueueRepository,
    LinkedConceptsService,
    LinkedConceptsRepository,
  ],
  exports: [ReviewsService, ItemsService, StudyQueueService, StudyItemsReader, LinkedConceptsService],
})
export class StudyModule {}
