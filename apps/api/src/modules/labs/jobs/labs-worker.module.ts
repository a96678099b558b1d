import { Module } from '@nestjs/common';
import { OutcomesModule } from '../../outcomes/outcomes.module';
import { LabEventsPublisher } from '../lab-events';
import { LabResults } from '../lab-results';
import { LabsRepository } from '../labs.repository';
import { LabResultsProcessor } from './lab-results.processor';

/** The main worker's half of labs: the lab-results consumer (persist, rate, announce). Grading is the lab worker's. */
@Module({
  imports: [OutcomesModule],
  providers: [LabResultsProcessor, LabResults, LabsRepository, LabEventsPublisher],
  exports: [LabResultsProcessor],
})
export class LabsWorkerModule {}
