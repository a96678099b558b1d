import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { DecksModule } from '../decks/decks.module';
import { AdminProblemsController } from './admin-problems.controller';
import { AdminProblemsRepository } from './admin-problems.repository';
import { AdminProblemsService } from './admin-problems.service';
import { AuthoringQueue } from './authoring-queue';

/** Admin authoring of problems (/api/admin/problems): drafts, checks (queued to the worker), publish, history, fork. */
@Module({
  imports: [AuthModule, AuditModule, DecksModule],
  controllers: [AdminProblemsController],
  providers: [AdminProblemsService, AdminProblemsRepository, AuthoringQueue],
  exports: [AdminProblemsRepository],
})
export class AdminProblemsModule {}
