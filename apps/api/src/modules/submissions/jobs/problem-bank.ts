import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { LoadedProblem } from '@prep/contracts';
import { BUILT_IN_CONTENT_ROOT, loadContent } from '@prep/problems';
import { WORKER_ENV } from '../../../config/config.tokens';
import type { WorkerEnv } from '../../../config/env';

/**
 * The problems the worker grades against, loaded from the content files once (reference solutions and test
 * generators are code, so they come from the files, not from Postgres). Postgres holds what learners see; content
 * sync keeps both from the same files, and a submission records the version it was graded against.
 */
@Injectable()
export class ProblemBank implements OnApplicationBootstrap {
  private readonly logger = new Logger(ProblemBank.name);
  private problems: Map<string, LoadedProblem> | undefined;

  constructor(@Inject(WORKER_ENV) private readonly env: WorkerEnv) {}

  /** Loaded before the worker takes jobs, so the first grade is not slowed by it. */
  onApplicationBootstrap(): void {
    this.get('');
  }

  get(slug: string): LoadedProblem | undefined {
    if (!this.problems) {
      const started = Date.now();
      const root = this.env.CONTENT_ROOT ?? BUILT_IN_CONTENT_ROOT;
      this.problems = new Map(loadContent(root).problems.map((p) => [p.slug, p]));
      this.logger.log({ problems: this.problems.size, root, ms: Date.now() - started }, 'content loaded for grading');
    }
    return this.problems.get(slug);
  }
}
