import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { DecksModule } from '../decks/decks.module';
import { AdminCardsController } from './admin-cards.controller';
import { AdminDecksController } from './admin-decks.controller';
import { AdminDecksRepository } from './admin-decks.repository';
import { AdminDecksService } from './admin-decks.service';

/** Admin curation of decks and concept cards (authored content; built-in content is read-only here). */
@Module({
  imports: [AuthModule, AuditModule, DecksModule],
  controllers: [AdminDecksController, AdminCardsController],
  providers: [AdminDecksService, AdminDecksRepository],
  // Problem authoring refreshes the authored decks that list a problem it publishes or archives (refreshDecksListing).
  exports: [AdminDecksRepository],
})
export class AdminDecksModule {}
