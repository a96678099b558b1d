import { Module } from '@nestjs/common';
import { DecksModule } from '../decks/decks.module';
import { ContentSyncService } from './content-sync.service';
import { ContentRepository } from './content.repository';

@Module({ imports: [DecksModule], providers: [ContentSyncService, ContentRepository], exports: [ContentSyncService] })
export class ContentModule {}
