import { Inject, Injectable, Logger } from '@nestjs/common';
import { z } from 'zod';
import {
  ErrorCode,
  type TCreateSubmissionRequest,
  type TListSubmissionsQuery,
  type TListSubmissionsResponse,
  type TSubmissionCreated,
  type TSubmissionView,
} from '@prep/contracts';
import { AppError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import { API_ENV } from '../../config/config.tokens';
import type { ApiEnv } from '../../config/env';
import { OutcomesService, outcomeOf } from '../outcomes/outcomes.service';
import { ProblemsService } from '../problems/problems.service';
import { QueueService } from '../queue/queue.service';
import { assertCodeFits, assertCustomTestsFit } from './code-limits';
import { SubmissionEventsPublisher } from './submission-events';
import { SubmissionRateLimiter } from './submission-rate-limiter';
import { SubmissionsRepository } from './submissions.repository';
import { toSubmissionSummary, toSubmissionView } from './submissions.mapper';
import { SubmissionFinalizer } from './submission-finalizer';

const ZHistoryCursor = z.tuple([z.iso.datetime(), z.uuid()]);

/** How long a learner at the in-flight limit is told to wait: one grade takes well under a second. */
const IN_FLIGHT_RETRY_AFTER_MS = 1000;

/** The API side of submissions: validate, admit, record, enqueue; then read results. It never grades. */
@Injectable()
export class SubmissionsService {
  private readonly logger = new Logger(SubmissionsService.name);

  constructor(
    private readonly repository: SubmissionsRepository,
    private readonly problems: ProblemsService,
    private readonly outcomes: OutcomesService,
    private readonly queue: QueueService,
    private readonly events: SubmissionEventsPublisher,
    private readonly limiter: SubmissionRateLimiter,
    private readonly finalizer: SubmissionFinalizer,
    private readonly clock: Clock,
    @Inject(API_ENV) private readonly env: ApiEnv,
  ) {}

  async create(userId: string, slug: string, request: TCreateSubmissionRequest): Promise<TSubmissionCreated> {
    assertCodeFits(request.code);
    const problem = await this.problems.admission(slug);
    assertCustomTestsFit(request, problem.arity);

    const wait = await this.limiter.hit(userId);
    if (wait !== null) {
      throw AppError.rateLimited(wait * 1000, `At most ${this.env.SUBMISSIONS_PER_MINUTE} submissions a minute; try again in ${wait} s`);
    }
    const backlog = await this.queue.gradingBacklog();
    if (backlog.oldestWaitMs > this.env.GRADING_MAX_WAIT_MS || backlog.waiting >= this.env.GRADING_MAX_BACKLOG) {
      throw AppError.rateLimited(backlog.oldestWaitMs, 'The graders are busy; try again in a moment');
    }
    const { attempt } = await this.outcomes.current(userId, slug, { opened: false });
    const created = await this.repository.createIfRoom(
      {
        userId,
        problemSlug: slug,
        problemVersion: problem.version,
        mode: request.mode,
        code: request.code,
        customTests: request.mode === 'run' ? request.customTests : undefined,
        attemptId: attempt.id,
        createdAt: this.clock.now(),
      },
      this.env.SUBMISSIONS_MAX_IN_FLIGHT,
    );
    if (!('id' in created)) {
      throw AppError.rateLimited(IN_FLIGHT_RETRY_AFTER_MS, `You have ${created.inFlight} submissions being graded; wait for one to finish`);
    }
    const { id } = created;
    try {
      await this.events.append(id, [{ type: 'queued', submissionId: id }]);
      await this.queue.enqueueGrade({ submissionId: id, mode: request.mode });
    } catch (e) {
      // Not queued: end it now, so it never sits "queued" and never counts against the learner's in-flight limit.
      this.logger.error({ err: e, submissionId: id }, 'could not queue a submission');
      await this.finalizer.failUnfinished(id, 'We could not queue this submission. Please submit it again.').catch(() => undefined);
      throw new AppError(ErrorCode.ServiceUnavailable, 'Grading is unavailable right now; please submit again shortly');
    }
    return { id, status: 'queued' };
  }

  /** One of my submissions; another learner's (or an unknown) id is 404. */
  async view(userId: string, id: string): Promise<TSubmissionView> {
    const found = await this.repository.findOwned(userId, id);
    if (!found) throw new AppError(ErrorCode.NotFound, 'No such submission');
    return toSubmissionView(found.row, outcomeOf(found.attempt));
  }

  /** The submission's status if it is mine (404 otherwise). */
  async statusOf(userId: string, id: string): Promise<string> {
    const status = await this.repository.statusOf(userId, id);
    if (!status) throw new AppError(ErrorCode.NotFound, 'No such submission');
    return status;
  }

  async history(userId: string, slug: string, query: TListSubmissionsQuery): Promise<TListSubmissionsResponse> {
    await this.problems.admission(slug);
    const after = query.cursor ? decodeCursor(query.cursor, ZHistoryCursor) : null;
    const rows = await this.repository.history(userId, slug, {
      ...(query.mode ? { mode: query.mode } : {}),
      limit: query.limit + 1,
      ...(after ? { after: { createdAt: new Date(after[0]), id: after[1] } } : {}),
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toSubmissionSummary),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }
}
