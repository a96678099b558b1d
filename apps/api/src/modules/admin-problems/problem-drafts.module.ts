import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AdminProblemsRepository } from './admin-problems.repository';
import { ProblemDrafts } from './problem-drafts';

/**
 * The authored-problem store without the authoring routes: imported by the admin-problems module and by the
 * admin-decks one (its zip import creates problem drafts), so neither module imports the other both ways.
 */
@Module({ imports: [AuditModule], providers: [AdminProblemsRepository, ProblemDrafts], exports: [AdminProblemsRepository, ProblemDrafts] })
export class ProblemDraftsModule {}
