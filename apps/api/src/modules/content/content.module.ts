import { Module } from '@nestjs/common';
import { ContentLinksService } from './content-links.service';
import { ContentSyncService } from './content-sync.service';
import { ContentRepository } from './content.repository';

@Module({
  providers: [ContentSyncService, ContentLinksService, ContentRepository],
  exports: [ContentSyncService, ContentLinksService],
})
export class ContentModule {}
