import { Module } from '@nestjs/common';
import { DecksModule } from '../decks/decks.module';
import { ContentLinksModule } from './content-links.module';
import { ContentSyncService } from './content-sync.service';
import { ContentRepository } from './content.repository';

@Module({
  imports: [DecksModule, ContentLinksModule],
  providers: [ContentSyncService, ContentRepository],
  exports: [ContentSyncService, ContentLinksModule],
})
export class ContentModule {}
