import { Injectable, Logger } from '@nestjs/common';
import type { TLabOutcome, TLabResultJob } from '@prep/contracts';
import { Clock } from '../../common/clock';
import { LabOutcomesService } from '../outcomes/lab-outcomes.service';
import { Transactions } from '../prisma/transactions';
import { LabEventsPublisher } from './lab-events';
import { LabsRepository } from './labs.repository';

/** What learners read when we failed to grade (never their code's fault). */
export const LAB_RESUBMIT_MESSAGE = 'We could not grade this submission because of an error on our side. Please submit it again.';

/**
 * The only writer of lab verdicts. A result is stored by one conditional update (`queued|running` → `done`) and, when
 * accepted, the lab's rating is decided and recorded with the scheduler in the same transaction: a result delivered
 * twice (a retried lab-results job, two lab workers grading the same job) finds the submission done and changes
 * nothing.
 */
@Injectable()
export class LabResults {
  private readonly logger = new Logger(LabResults.name);

  constructor(
    private readonly repository: LabsRepository,
    private readonly outcomes: LabOutcomesService,
    private readonly transactions: Transactions,
    private readonly events: LabEventsPublisher,
    private readonly clock: Clock,
  ) {}

  /** Stores a lab worker's result; false when its submission was already done (or is unknown). */
  async finish(result: TLabResultJob): Promise<boolean> {
    const stored = await this.transactions.run(async (tx) => {
      const finished = await this.repository.finish(tx, result, this.clock.now());
      if (!finished) return false;
      if (result.evaluation.verdict === 'accepted') {
        const outcome: TLabOutcome | null = await this.outcomes.decideAccepted(tx, finished, (since) =>
          this.repository.failedBetween(tx, finished.userId, finished.labSlug, since, finished.createdAt),
        );
        if (outcome) await this.repository.storeOutcome(tx, finished.id, outcome);
      }
      return true;
    });
    await this.announceDone(result.submissionId);
    return stored;
  }

  /** Ends an unfinished submission as internal_error with `message`; false when it was already done. */
  async failUnfinished(submissionId: string, message: string = LAB_RESUBMIT_MESSAGE): Promise<boolean> {
    const stored = await this.transactions.run((tx) =>
      this.repository.failUnfinished(
        tx,
        submissionId,
        { verdict: 'internal_error', message, checks: [], metrics: {}, output: '' },
        this.clock.now(),
      ),
    );
    await this.announceDone(submissionId);
    return stored;
  }

  unfinishedBefore(before: Date): Promise<{ id: string }[]> {
    return this.repository.unfinishedBefore(before, 100);
  }

  /** A grading run began (a slot took the job): recorded once per run, then told to live readers. */
  async started(submissionId: string, attempt: number, slot: TLabResultJob['worker']['slot'] | null): Promise<void> {
    if (!(await this.repository.markStarted(submissionId, attempt, this.clock.now()))) return;
    await this.events
      .append(submissionId, [{ type: 'started', submissionId, attempt, slot, device: slot?.kind ?? null }])
      .catch((e: unknown) => this.logger.warn({ err: (e as Error).message, submissionId }, 'could not publish started'));
  }

  private async announceDone(submissionId: string): Promise<void> {
    await this.events.append(submissionId, [{ type: 'done' }]).catch((e: unknown) => {
      this.logger.warn({ err: (e as Error).message, submissionId }, 'could not publish done; readers fall back to Postgres');
    });
  }
}
