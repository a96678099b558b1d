import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { z } from 'zod';
import {
  ErrorCode,
  LAB_CODE_MAX_BYTES,
  LabJobName,
  itemIdOf,
  ZLabGradeJob,
  type TCreateLabSubmissionRequest,
  type TItemState,
  type TLabPage,
  type TLabStatus,
  type TLabSubmissionCreated,
  type TLabSubmissionView,
  type TListLabsResponse,
  type TListLabSubmissionsQuery,
  type TListLabSubmissionsResponse,
  type TSaveDraftRequest,
  type TSaveDraftResponse,
} from '@prep/contracts';
import { AppError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import { API_ENV } from '../../config/config.tokens';
import type { ApiEnv } from '../../config/env';
import { ReviewsService } from '../study/reviews.service';
import { SubmissionRateLimiter } from '../submissions/submission-rate-limiter';
import { LabEventsPublisher } from './lab-events';
import { LabResults } from './lab-results';
import { LAB_QUEUES, type LabQueues } from './lab-queues';
import { LabsRepository, type LabRow } from './labs.repository';
import { toLabDetail, toLabSubmissionSummary, toLabSubmissionView, toLabSummary } from './labs.mapper';

const ZHistoryCursor = z.tuple([z.iso.datetime(), z.uuid()]);
/** A lab takes seconds to minutes: a learner at the in-flight limit is told to wait a while. */
const IN_FLIGHT_RETRY_AFTER_MS = 10_000;
const MAX_CLIENT_CLOCK_LEAD_MS = 60_000;
/** Grading runs of one lab job: a grader failure (internal_error) or a lost worker runs it again. */
const LAB_JOB_ATTEMPTS = 3;

export const NO_LAB_WORKER_MESSAGE =
  'No lab worker is running, so labs cannot be graded right now. The lab worker needs Python with PyTorch and ' +
  'bubblewrap (sudo apt-get install python3-torch libopenblas0-pthread bubblewrap); npm start runs it once they are installed.';
export const NO_GPU_WORKER_MESSAGE = 'This lab needs a GPU and no GPU lab worker is running; try again later.';

function statusOf(progress: { accepted: boolean } | undefined, review: TItemState | undefined): TLabStatus {
  if (review?.dueNow) return 'due';
  if (!progress) return 'new';
  return progress.accepted ? 'solved' : 'attempted';
}

/** The API side of labs: pages, drafts, admit and enqueue submissions (never grade), results and history. */
@Injectable()
export class LabsService {
  private readonly logger = new Logger(LabsService.name);

  constructor(
    private readonly repository: LabsRepository,
    private readonly reviews: ReviewsService,
    private readonly limiter: SubmissionRateLimiter,
    private readonly events: LabEventsPublisher,
    private readonly results: LabResults,
    private readonly clock: Clock,
    @Inject(LAB_QUEUES) private readonly queues: LabQueues,
    @Inject(API_ENV) private readonly env: ApiEnv,
  ) {}

  async list(userId: string): Promise<TListLabsResponse> {
    const labs = await this.repository.liveLabs();
    const [progress, states] = await Promise.all([this.repository.myProgress(userId), this.states(userId, labs)]);
    return {
      items: labs.map((lab) => {
        const review = states.get(lab.slug);
        const mine = progress.get(lab.slug);
        return {
          ...toLabSummary(lab),
          status: statusOf(mine, review),
          due: review?.due ?? null,
          lastSubmittedAt: mine?.lastSubmittedAt.toISOString() ?? null,
        };
      }),
    };
  }

  async page(userId: string, slug: string): Promise<TLabPage> {
    const lab = await this.admission(slug);
    const [review, draft, last, progress] = await Promise.all([
      this.reviews.itemState(userId, itemIdOf('lab', slug)),
      this.repository.findDraft(userId, slug),
      this.repository.latest(userId, slug),
      this.repository.myProgress(userId),
    ]);
    return {
      lab: toLabDetail(lab),
      status: statusOf(progress.get(slug), review),
      draft: draft
        ? { code: draft.code, clientUpdatedAt: draft.clientUpdatedAt.toISOString(), savedAt: draft.savedAt.toISOString() }
        : null,
      lastSubmission: last ? toLabSubmissionSummary(last) : null,
      review,
    };
  }

  async saveDraft(userId: string, slug: string, body: TSaveDraftRequest): Promise<TSaveDraftResponse> {
    assertLabCodeFits(body.code);
    await this.admission(slug);
    const now = this.clock.now();
    const clientUpdatedAt = new Date(Math.min(Date.parse(body.clientUpdatedAt), now.getTime() + MAX_CLIENT_CLOCK_LEAD_MS));
    const saved = await this.repository.saveDraftIfNotOlder({ userId, labSlug: slug, code: body.code, clientUpdatedAt, savedAt: now });
    const draft = saved ?? (await this.repository.findDraft(userId, slug));
    if (!draft) throw new AppError(ErrorCode.Conflict, 'The draft changed while saving; save it again');
    return {
      draft: { code: draft.code, clientUpdatedAt: draft.clientUpdatedAt.toISOString(), savedAt: draft.savedAt.toISOString() },
      applied: saved !== null,
    };
  }

  async create(userId: string, slug: string, request: TCreateLabSubmissionRequest): Promise<TLabSubmissionCreated> {
    assertLabCodeFits(request.code);
    const lab = await this.admission(slug);
    const wait = await this.limiter.hit(userId);
    if (wait !== null) {
      throw AppError.rateLimited(wait * 1000, `At most ${this.env.SUBMISSIONS_PER_MINUTE} submissions a minute; try again in ${wait} s`);
    }
    const queue = lab.device === 'gpu' ? this.queues.gpu : this.queues.any;
    // Nobody would ever take the job: say so now rather than leave the learner watching "queued".
    if ((await queue.getWorkersCount()) === 0) {
      throw new AppError(ErrorCode.ServiceUnavailable, lab.device === 'gpu' ? NO_GPU_WORKER_MESSAGE : NO_LAB_WORKER_MESSAGE);
    }
    const now = this.clock.now();
    const created = await this.repository.createIfRoom(
      { userId, labSlug: slug, labVersion: lab.version, code: request.code, createdAt: now },
      this.env.SUBMISSIONS_MAX_IN_FLIGHT,
    );
    if (!('id' in created)) {
      throw AppError.rateLimited(
        IN_FLIGHT_RETRY_AFTER_MS,
        `You have ${created.inFlight} lab submissions being graded; wait for one to finish`,
      );
    }
    const { id } = created;
    try {
      await this.events.append(id, [{ type: 'queued', submissionId: id }]);
      await this.enqueue(queue, {
        submissionId: id,
        labSlug: slug,
        labVersion: lab.version,
        code: request.code,
        submittedAt: now.toISOString(),
      });
    } catch (e) {
      this.logger.error({ err: e, submissionId: id }, 'could not queue a lab submission');
      await this.results.failUnfinished(id, 'We could not queue this submission. Please submit it again.').catch(() => undefined);
      throw new AppError(ErrorCode.ServiceUnavailable, 'Lab grading is unavailable right now; please submit again shortly');
    }
    return { id, status: 'queued' };
  }

  async view(userId: string, id: string): Promise<TLabSubmissionView> {
    const row = await this.repository.findOwned(userId, id);
    if (!row) throw new AppError(ErrorCode.NotFound, 'No such lab submission');
    return toLabSubmissionView(row);
  }

  async statusOf(userId: string, id: string): Promise<string> {
    const status = await this.repository.statusOf(userId, id);
    if (!status) throw new AppError(ErrorCode.NotFound, 'No such lab submission');
    return status;
  }

  async history(userId: string, slug: string, query: TListLabSubmissionsQuery): Promise<TListLabSubmissionsResponse> {
    await this.admission(slug);
    const after = query.cursor ? decodeCursor(query.cursor, ZHistoryCursor) : null;
    const rows = await this.repository.history(userId, slug, {
      limit: query.limit + 1,
      ...(after ? { after: { createdAt: new Date(after[0]), id: after[1] } } : {}),
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toLabSubmissionSummary),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }

  /** Job id = submission id, so a retried enqueue is one job. */
  private async enqueue(queue: Queue, payload: z.input<typeof ZLabGradeJob>): Promise<void> {
    const data = ZLabGradeJob.parse(payload);
    await queue.add(LabJobName.Grade, data, {
      jobId: data.submissionId,
      attempts: LAB_JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 7 * 86_400 },
    });
  }

  private async admission(slug: string): Promise<LabRow> {
    const lab = await this.repository.liveLab(slug);
    if (!lab) throw new AppError(ErrorCode.NotFound, 'No such lab');
    return lab;
  }

  private async states(userId: string, labs: LabRow[]): Promise<Map<string, TItemState>> {
    const states = await Promise.all(labs.map((lab) => this.reviews.itemState(userId, itemIdOf('lab', lab.slug))));
    return new Map(states.map((s, i) => [labs[i]!.slug, s]));
  }
}

/** Code over LAB_CODE_MAX_BYTES: 413. */
export function assertLabCodeFits(code: string): void {
  const bytes = Buffer.byteLength(code, 'utf8');
  if (bytes > LAB_CODE_MAX_BYTES) {
    throw new AppError(ErrorCode.PayloadTooLarge, `body.code is ${bytes} bytes; the limit is ${LAB_CODE_MAX_BYTES}`, [
      { path: 'body.code', message: `must be at most ${LAB_CODE_MAX_BYTES} bytes (UTF-8)` },
    ]);
  }
}
