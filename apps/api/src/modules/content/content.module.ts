import { Module } from '@nestjs/common';
import { ContentSyncService } from './content-sync.service';
import { ContentRepository } from './content.repository';

@Module({ providers: [ContentSyncService, ContentRepository], exports: [ContentSyncService] })
export class ContentModule {}
