import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import {
  ErrorCode,
  expectedMinutesOf,
  type TDraft,
  type TListProblemsQuery,
  type TListProblemsResponse,
  type TNextHintResponse,
  type TProblemListItem,
  type TProblemPage,
  type TItemState,
  type TProblemStatus,
  type TRevealResponse,
  type TSaveDraftRequest,
  type TSaveDraftResponse,
} from '@prep/contracts';
import { AppError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import { OutcomesService } from '../outcomes/outcomes.service';
import { ProblemReviews } from '../outcomes/problem-reviews';
import { assertCodeFits } from '../submissions/code-limits';
import { LinkedConceptsService } from '../study/linked-concepts.service';
import { toSubmissionSummary } from '../submissions/submissions.mapper';
import { DraftsRepository, type DraftRow } from './drafts.repository';
import { ProblemsRepository, type LiveProblem, type SubmitStats } from './problems.repository';
import { splitStatement } from './statement';

/** A draft's client time may run ahead of ours by this much at most (a fast clock must not lock out other devices). */
const MAX_CLIENT_CLOCK_LEAD_MS = 60_000;

/** The position of the last item of a page: its sort key and slug. */
const ZListCursor = z.tuple([z.union([z.string(), z.number()]), z.string()]);

export function problemStatus(stats: SubmitStats | undefined, review: TItemState | undefined): TProblemStatus {
  if (review?.dueNow) return 'due';
  if (stats?.solved) return 'solved';
  return stats ? 'attempted' : 'new';
}

const toDraft = (row: DraftRow): TDraft => ({
  code: row.code,
  clientUpdatedAt: row.clientUpdatedAt.toISOString(),
  savedAt: row.savedAt.toISOString(),
});

@Injectable()
export class ProblemsService {
  constructor(
    private readonly problems: ProblemsRepository,
    private readonly drafts: DraftsRepository,
    private readonly outcomes: OutcomesService,
    private readonly reviews: ProblemReviews,
    private readonly concepts: LinkedConceptsService,
    private readonly clock: Clock,
  ) {}

  async list(userId: string, query: TListProblemsQuery): Promise<TListProblemsResponse> {
    const [all, order] = await Promise.all([this.problems.listLive(), query.deck ? this.problems.deckOrder(query.deck) : null]);
    const q = query.q?.toLowerCase();
    const candidates = all.filter(
      (p) =>
        (!query.deck || (order?.includes(p.slug) ?? false)) &&
        (!query.tag || p.tags.includes(query.tag)) &&
        (!query.difficulty || p.difficulty === query.difficulty) &&
        (!q || p.title.toLowerCase().includes(q) || p.slug.includes(q) || p.tags.some((t) => t.includes(q))),
    );
    const [stats, reviews] = await Promise.all([
      this.problems.submitStats(userId),
      this.reviews.statesOf(
        userId,
        candidates.map((p) => p.slug),
      ),
    ]);
    const sortKey = (slug: string, title: string): string | number => (order ? order.indexOf(slug) : title.toLowerCase());
    const items: (TProblemListItem & { key: string | number })[] = candidates
      .map((p) => {
        const stat = stats.get(p.slug);
        const review = reviews.get(p.slug);
        return {
          ...p,
          status: problemStatus(stat, review),
          due: review?.due ?? null,
          lastSubmittedAt: stat?.lastSubmittedAt.toISOString() ?? null,
          key: sortKey(p.slug, p.title),
        };
      })
      .filter((p) => !query.status || p.status === query.status)
      .sort((a, b) => compareKeys([a.key, a.slug], [b.key, b.slug]));
    const after = query.cursor ? decodeCursor(query.cursor, ZListCursor) : null;
    const rest = after ? items.filter((p) => compareKeys([p.key, p.slug], after) > 0) : items;
    const page = rest.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ key: _key, ...item }) => item),
      total: items.length,
      nextCursor: rest.length > page.length && last ? encodeCursor([last.key, last.slug]) : null,
    };
  }

  /** The problem page; opening it starts (or continues) the learner's attempt and its clock. */
  async page(userId: string, slug: string): Promise<TProblemPage> {
    const problem = await this.live(slug);
    const current = await this.outcomes.current(userId, slug, { opened: true });
    const [attempt, draft, last, stats, concepts] = await Promise.all([
      this.outcomes.view(current),
      this.drafts.find(userId, slug),
      this.problems.latestSubmission(userId, slug),
      this.problems.submitStats(userId, slug),
      this.concepts.forProblem(userId, slug),
    ]);
    const { detail, summary } = problem;
    return {
      problem: {
        ...summary,
        functionName: detail.functionName,
        signature: detail.signature,
        params: detail.params,
        ...splitStatement(detail.statement),
        starter: detail.starter,
        limits: detail.limits,
        expectedMinutes: expectedMinutesOf({ difficulty: summary.difficulty, expectedMinutes: detail.expectedMinutes }),
        sampleTests: detail.sampleTests.map((t, index) => ({ index, ...t })),
        hintCount: detail.hints.length,
        hasEditorial: problem.editorial.trim().length > 0,
      },
      status: problemStatus(stats.get(slug), current.review),
      hints: detail.hints.slice(0, current.attempt.hintsRevealed).map((text, index) => ({ index, text })),
      // A problem that comes back due starts from the starter: a draft of an earlier attempt is not shown.
      draft: draft && draft.attemptId === current.attempt.id ? toDraft(draft) : null,
      lastSubmission: last ? toSubmissionSummary(last) : null,
      attempt,
      review: current.review ?? (await this.reviews.stateOf(userId, slug)),
      concepts,
    };
  }

  async saveDraft(userId: string, slug: string, body: TSaveDraftRequest): Promise<TSaveDraftResponse> {
    assertCodeFits(body.code);
    await this.admission(slug);
    const now = this.clock.now();
    const { attempt } = await this.outcomes.current(userId, slug, { opened: true });
    const clientUpdatedAt = new Date(Math.min(Date.parse(body.clientUpdatedAt), now.getTime() + MAX_CLIENT_CLOCK_LEAD_MS));
    const saved = await this.drafts.saveIfNotOlder({
      userId,
      problemSlug: slug,
      code: body.code,
      clientUpdatedAt,
      savedAt: now,
      attemptId: attempt.id,
    });
    if (saved) return { draft: toDraft(saved), applied: true };
    const stored = await this.drafts.find(userId, slug);
    if (!stored) throw new AppError(ErrorCode.Conflict, 'The draft changed while saving; save it again');
    return { draft: toDraft(stored), applied: false };
  }

  async nextHint(userId: string, slug: string): Promise<TNextHintResponse> {
    const { detail } = await this.live(slug);
    const total = detail.hints.length;
    const index = await this.outcomes.revealHint(userId, slug, total);
    if (index === null) {
      throw new AppError(ErrorCode.Conflict, total === 0 ? 'This problem has no hints' : `All ${total} hints are already shown`);
    }
    return { hint: { index, text: detail.hints[index]! }, revealed: index + 1, total };
  }

  async reveal(userId: string, slug: string): Promise<TRevealResponse> {
    const problem = await this.live(slug);
    const { outcome, current } = await this.outcomes.reveal(userId, slug);
    const [mine, attempt] = await Promise.all([this.problems.latestAccepted(userId, slug), this.outcomes.view(current)]);
    return {
      editorial: problem.editorial,
      reference: problem.referenceCode,
      myLastAccepted: mine ? { submissionId: mine.id, code: mine.code, createdAt: mine.createdAt.toISOString() } : null,
      outcome,
      attempt,
    };
  }

  /** The version and arity of a problem learners can submit to; unknown or retired: 404. */
  async admission(slug: string): Promise<{ version: number; arity: number }> {
    const found = await this.problems.admission(slug);
    if (!found) throw notFound(slug);
    return found;
  }

  /** A problem learners can open; unknown or retired: 404. */
  async live(slug: string): Promise<LiveProblem> {
    const problem = await this.problems.findLive(slug);
    if (!problem) throw notFound(slug);
    return problem;
  }
}

const notFound = (slug: string) => new AppError(ErrorCode.NotFound, `No problem "${slug}"`);

function compareKeys(a: readonly [string | number, string], b: readonly [string | number, string]): number {
  const [ka, sa] = a;
  const [kb, sb] = b;
  if (ka !== kb) {
    if (typeof ka === 'number' && typeof kb === 'number') return ka - kb;
    return String(ka) < String(kb) ? -1 : 1;
  }
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
