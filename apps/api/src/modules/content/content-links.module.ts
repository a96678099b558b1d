import { Module } from '@nestjs/common';
import { ContentLinksRepository } from './content-links.repository';
import { ContentLinksService } from './content-links.service';

/** Reads of the concept links, on their own so the learner core can use them (ContentModule imports the core). */
@Module({
  providers: [ContentLinksService, ContentLinksRepository],
  exports: [ContentLinksService],
})
export class ContentLinksModule {}
