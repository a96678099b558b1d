import { Module } from '@nestjs/common';
import { GradingWorkerModule } from '../../submissions/jobs/grading-worker.module';
import { AdminProblemsRepository } from '../admin-problems.repository';
import { AuthoringProcessor } from './authoring.processor';

/** The worker's half of problem authoring: the `authoring` queue consumer, on the grading module's sandbox pool. */
@Module({ imports: [GradingWorkerModule], providers: [AuthoringProcessor, AdminProblemsRepository] })
export class AuthoringWorkerModule {}
