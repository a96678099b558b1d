import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { StudyModule } from '../study/study.module';
import { DraftsRepository } from './drafts.repository';
import { ProblemsController } from './problems.controller';
import { ProblemsRepository } from './problems.repository';
import { ProblemsService } from './problems.service';

/** The problem list and page, drafts, hints and reveals. */
@Module({
  imports: [AuthModule, OutcomesModule, StudyModule],
  controllers: [ProblemsController],
  providers: [ProblemsService, ProblemsRepository, DraftsRepository],
  exports: [ProblemsService],
})
export class ProblemsModule {}
