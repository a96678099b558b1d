import { Injectable, Logger } from '@nestjs/common';
import { GRADE_RESULT_VERSION, type TGradeResult } from '@prep/contracts';
import { Clock } from '../../common/clock';
import { OutcomesService } from '../outcomes/outcomes.service';
import { Transactions } from '../prisma/transactions';
import { SubmissionEventsPublisher } from './submission-events';
import { SubmissionsRepository, type GradingRow } from './submissions.repository';

/** What learners read when we failed to grade (never their code's fault). */
export const RESUBMIT_MESSAGE = 'We could not grade this submission because of an error on our side. Please submit it again.';

export function internalErrorResult(message: string): TGradeResult {
  return { version: GRADE_RESULT_VERSION, verdict: 'internal_error', passed: 0, total: 0, tests: [], message, cpuTimeMs: 0, wallTimeMs: 0 };
}

/**
 * The only writer of final verdicts. A verdict is stored by one conditional update (`queued|running` → `done`) and,
 * for an accepted submit, the attempt's rating is decided and recorded with the scheduler in the same transaction:
 * a job retried after a crash or a lost lock finds the submission done and changes nothing.
 */
@Injectable()
export class SubmissionFinalizer {
  private readonly logger = new Logger(SubmissionFinalizer.name);

  constructor(
    private readonly repository: SubmissionsRepository,
    private readonly outcomes: OutcomesService,
    private readonly transactions: Transactions,
    private readonly events: SubmissionEventsPublisher,
    private readonly clock: Clock,
  ) {}

  /** Stores a graded result; false when the submission was already done (nothing changed). */
  /** `versionId`: the authored problem version it was graded against (none for built-in problems). */
  async finish(
    submission: GradingRow,
    result: TGradeResult,
    problem: { version: number; expectedMinutes: number; versionId?: string },
  ): Promise<boolean> {
    const stored = await this.transactions.run(async (tx) => {
      const finished = await this.repository.finish(tx, submission.id, {
        result,
        problemVersion: problem.version,
        ...(problem.versionId ? { problemVersionId: problem.versionId } : {}),
        finishedAt: this.clock.now(),
      });
      if (finished && submission.mode === 'submit' && result.verdict === 'accepted') {
        await this.outcomes.decideAccepted(tx, submission, problem.expectedMinutes);
      }
      return finished;
    });
    await this.announceDone(submission.id);
    return stored;
  }

  /** Ends an unfinished submission as internal_error with `message`; false when it was already done. */
  async failUnfinished(submissionId: string, message: string = RESUBMIT_MESSAGE): Promise<boolean> {
    const stored = await this.transactions.run((tx) =>
      this.repository.finish(tx, submissionId, { result: internalErrorResult(message), finishedAt: this.clock.now() }),
    );
    await this.announceDone(submissionId);
    return stored;
  }

  /** Tells the event stream; the verdict is already safe in Postgres, so a failure here only delays live readers. */
  private async announceDone(submissionId: string): Promise<void> {
    await this.events.append(submissionId, [{ type: 'done' }]).catch((e: unknown) => {
      this.logger.warn({ err: (e as Error).message, submissionId }, 'could not publish done; readers fall back to Postgres');
    });
  }
}
