import { Module } from '@nestjs/common';
import { AdminDecksModule } from '../admin-decks/admin-decks.module';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { DecksModule } from '../decks/decks.module';
import { AdminProblemsController } from './admin-problems.controller';
import { AdminProblemsService } from './admin-problems.service';
import { AuthoringQueue } from './authoring-queue';
import { ProblemDraftsModule } from './problem-drafts.module';

/** Admin authoring of problems (/api/admin/problems): drafts, checks (queued to the worker), publish, history, fork. */
@Module({
  imports: [AuthModule, AuditModule, DecksModule, AdminDecksModule, ProblemDraftsModule],
  controllers: [AdminProblemsController],
  providers: [AdminProblemsService, AuthoringQueue],
})
export class AdminProblemsModule {}
