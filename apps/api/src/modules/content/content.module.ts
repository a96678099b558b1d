import { Module } from '@nestjs/common';
import { DecksModule } from '../decks/decks.module';
import { ContentLinksService } from './content-links.service';
import { ContentSyncService } from './content-sync.service';
import { ContentRepository } from './content.repository';

@Module({
  imports: [DecksModule],
  providers: [ContentSyncService, ContentLinksService, ContentRepository],
  exports: [ContentSyncService, ContentLinksService],
})
export class ContentModule {}
