import { Injectable } from '@nestjs/common';
import { diffLines } from 'diff';
import {
  AdminProblemReason,
  ErrorCode,
  ProblemAuditAction,
  ZAuthoredProblem,
  type TAdminProblem,
  type TAdminProblemListQuery,
  type TAdminProblemListResponse,
  type TAuthoredProblem,
  type TDiffChunk,
  type TForkAdminProblemRequest,
  type TProblemCheckStatus,
  type TProblemVersion,
  type TProblemVersionDiff,
  type TProblemVersionListResponse,
} from '@prep/contracts';
import { sourceHash } from '@prep/grader';
import { BUILT_IN_CONTENT_ROOT, readContentFiles, readProblemFiles, type ContentIssue } from '@prep/problems';
import { AppError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import type { AdminActor } from '../audit/admin-actor';
import { AuditService } from '../audit/audit.service';
import { EnrollmentRepository } from '../decks/enrollment.repository';
import type { Db } from '../prisma/db';
import { PrismaService } from '../prisma/prisma.service';
import { Transactions, type Tx } from '../prisma/transactions';
import {
  checkStateOf,
  gradingHash,
  reportOf,
  sourceOf,
  toCheckStatus,
  toProjection,
  toVersion,
  toVersionSummary,
} from './admin-problems.mapper';
import { AdminProblemsRepository, toListItem, type HeadRow, type VersionRow } from './admin-problems.repository';
import { AuthoringQueue } from './authoring-queue';

const notFound = () => new AppError(ErrorCode.NotFound, 'No problem has this slug');
const conflict = (reason: AdminProblemReason, message: string) => new AppError(ErrorCode.Conflict, message, { reason });
const unpublishable = (reason: AdminProblemReason, message: string, extra: object = {}) =>
  new AppError(ErrorCode.CheckFailed, message, { reason, ...extra });

/** Source fields in the order the diff lists them; text fields are diffed as text, the others as pretty JSON. */
const DIFF_FIELDS: (keyof TAuthoredProblem)[] = [
  'title',
  'difficulty',
  'tags',
  'expectedMinutes',
  'statement',
  'hints',
  'editorial',
  'functionName',
  'signature',
  'starter',
  'reference',
  'judge',
  'limits',
  'tests',
  'wrongSolutions',
  'version',
];

/**
 * Authored problems: drafts, a check in the worker's sandbox, publishing into the learner-facing head row, archive,
 * history with diffs and restore, and forks of built-in problems. Built-in problems are read-only here. Every change
 * is audited in its own transaction. No author code ever runs in this process.
 */
@Injectable()
export class AdminProblemsService {
  constructor(
    private readonly repository: AdminProblemsRepository,
    private readonly transactions: Transactions,
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly queue: AuthoringQueue,
    private readonly enrollments: EnrollmentRepository,
    private readonly clock: Clock,
  ) {}

  list(query: TAdminProblemListQuery): Promise<TAdminProblemListResponse> {
    return this.repository.list(query);
  }

  async get(slug: string): Promise<TAdminProblem> {
    const head = await this.repository.head(this.prisma, slug);
    if (!head) throw notFound();
    return this.view(this.prisma, head);
  }

  async create(actor: AdminActor, source: TAuthoredProblem): Promise<TAdminProblem> {
    return this.createAuthored(actor, source, null, ProblemAuditAction.Created);
  }

  async updateDraft(actor: AdminActor, slug: string, source: TAuthoredProblem): Promise<TAdminProblem> {
    if (source.slug !== slug) {
      throw AppError.validation([{ path: 'body.problem.slug', message: `must be "${slug}": a problem's slug never changes` }]);
    }
    return this.transactions.run(async (tx) => {
      const head = await this.editableHead(tx, slug);
      const draft = await this.saveDraft(tx, actor, head, source, undefined);
      await this.audit.record(
        actor,
        {
          action: ProblemAuditAction.DraftUpdated,
          entity: { type: 'problem', id: slug },
          before: draft.before,
          after: toVersion(draft.row),
        },
        tx,
      );
      return this.view(tx, (await this.repository.head(tx, slug))!);
    });
  }

  async requestCheck(actor: AdminActor, slug: string): Promise<TProblemCheckStatus> {
    const head = await this.repository.head(this.prisma, slug);
    if (!head) throw notFound();
    if (head.source !== 'authored') throw readOnly();
    const draft = await this.repository.inState(this.prisma, slug, 'draft');
    if (!draft) throw unpublishable(AdminProblemReason.NoDraft, 'There is no draft to check: edit the problem first');
    const requested = await this.transactions.run(async (tx) => {
      await this.audit.record(
        actor,
        {
          action: ProblemAuditAction.CheckRequested,
          entity: { type: 'problem', id: slug },
          before: null,
          after: { versionId: draft.id, number: draft.number, sourceHash: draft.sourceHash },
        },
        tx,
      );
      return this.repository.markCheckRequested(tx, draft.id, this.clock.now());
    });
    await this.queue.enqueueCheck({ versionId: draft.id, sourceHash: draft.sourceHash });
    return toCheckStatus(requested);
  }

  async checkStatus(slug: string): Promise<TProblemCheckStatus> {
    const head = await this.repository.head(this.prisma, slug);
    if (!head) throw notFound();
    const draft = await this.repository.inState(this.prisma, slug, 'draft');
    if (!draft)
      throw unpublishable(AdminProblemReason.NoDraft, 'There is no draft: the published version was checked when it was published');
    return toCheckStatus(draft);
  }

  async publish(actor: AdminActor, slug: string): Promise<TAdminProblem> {
    const result = await this.transactions.run(async (tx) => {
      const head = await this.editableHead(tx, slug);
      const [draft, published] = [await this.repository.inState(tx, slug, 'draft'), await this.repository.inState(tx, slug, 'published')];
      const entity = { type: 'problem' as const, id: slug };
      const now = this.clock.now();
      if (!draft) {
        // An archived problem with no changes comes back as it was published (it passed its check then).
        if (head.status === 'archived' && published) {
          await this.repository.updateHead(tx, slug, { status: 'published', retiredAt: null });
          await this.audit.record(
            actor,
            {
              action: ProblemAuditAction.Published,
              entity,
              before: toListItem(head, false),
              after: { unarchived: true, version: published.number },
            },
            tx,
          );
          return this.view(tx, (await this.repository.head(tx, slug))!);
        }
        throw unpublishable(AdminProblemReason.NoDraft, 'There is no draft to publish: edit the problem first');
      }
      const report = reportOf(draft);
      const state = checkStateOf(draft);
      if (state === 'failed' && report) {
        const why = report.failures.map((f) => `${f.code}: ${f.message}`).join('; ');
        throw unpublishable(AdminProblemReason.CheckFailed, `The check of this draft failed: ${why}`, { report });
      }
      if (state !== 'passed' || !draft.testSetHash) {
        const why = state === 'queued' ? 'its check has not finished yet' : 'it has no check of its current source: run the check first';
        throw unpublishable(AdminProblemReason.NotChecked, `The draft cannot be published: ${why}`, { checkState: state });
      }
      const testSet = await this.repository.testSet(tx, draft.testSetHash);
      if (!testSet)
        throw unpublishable(AdminProblemReason.NotChecked, 'The draft cannot be published: its tests are missing; check it again');
      const source = sourceOf(draft);
      const previousSource = published ? sourceOf(published) : null;
      const changed =
        !published ||
        !published.testSetHash ||
        !previousSource ||
        gradingHash(source, draft.testSetHash) !== gradingHash(previousSource, published.testSetHash);
      const contentVersion = !published ? source.version : changed ? published.contentVersion + 1 : published.contentVersion;
      const publishedSource = { ...source, version: contentVersion };
      await this.repository.publishVersion(tx, draft, published, {
        source: publishedSource,
        contentVersion,
        now,
        actor: { id: actor.user.id, email: actor.user.email },
      });
      await this.repository.updateHead(tx, slug, {
        ...toProjection(publishedSource, draft.sourceHash, head.decks, testSet),
        status: 'published',
        retiredAt: null,
      });
      const after = (await this.repository.head(tx, slug))!;
      await this.audit.record(
        actor,
        {
          action: ProblemAuditAction.Published,
          entity,
          before: { ...toListItem(head, true), publishedVersion: published?.number ?? null },
          after: { ...toListItem(after, false), publishedVersion: draft.number, contentVersionBumped: published ? changed : false },
        },
        tx,
      );
      return this.view(tx, after);
    });
    await this.enrollments.reconcileWithContent(this.clock.now());
    return result;
  }

  async archive(actor: AdminActor, slug: string): Promise<TAdminProblem> {
    const result = await this.transactions.run(async (tx) => {
      const head = await this.editableHead(tx, slug);
      if (head.status === 'archived') return this.view(tx, head);
      await this.repository.updateHead(tx, slug, { status: 'archived', retiredAt: head.retiredAt ?? this.clock.now() });
      const after = (await this.repository.head(tx, slug))!;
      await this.audit.record(
        actor,
        {
          action: ProblemAuditAction.Archived,
          entity: { type: 'problem', id: slug },
          before: toListItem(head, false),
          after: toListItem(after, false),
        },
        tx,
      );
      return this.view(tx, after);
    });
    await this.enrollments.reconcileWithContent(this.clock.now());
    return result;
  }

  async versions(slug: string): Promise<TProblemVersionListResponse> {
    if (!(await this.repository.head(this.prisma, slug))) throw notFound();
    return { versions: (await this.repository.versions(this.prisma, slug)).map(toVersionSummary) };
  }

  async version(slug: string, n: number): Promise<TProblemVersion> {
    const row = await this.repository.version(this.prisma, slug, n);
    if (!row) throw new AppError(ErrorCode.NotFound, `Problem ${slug} has no version ${n}`);
    return toVersion(row);
  }

  async diff(slug: string, n: number, against?: number): Promise<TProblemVersionDiff> {
    const to = await this.repository.version(this.prisma, slug, n);
    if (!to) throw new AppError(ErrorCode.NotFound, `Problem ${slug} has no version ${n}`);
    const fromNumber = against ?? (n > 1 ? n - 1 : null);
    const from = fromNumber === null ? null : await this.repository.version(this.prisma, slug, fromNumber);
    if (fromNumber !== null && !from) throw new AppError(ErrorCode.NotFound, `Problem ${slug} has no version ${fromNumber}`);
    const [a, b] = [from ? sourceOf(from) : null, sourceOf(to)];
    const fields: TProblemVersionDiff['fields'] = [];
    for (const field of DIFF_FIELDS) {
      const [before, after] = [asText(a?.[field]), asText(b[field])];
      if (before === after) continue;
      const chunks: TDiffChunk[] = diffLines(before, after).map((c) => ({
        op: c.added ? 'add' : c.removed ? 'remove' : 'same',
        text: c.value,
      }));
      fields.push({ field, chunks });
    }
    return { from: from?.number ?? null, to: to.number, fields };
  }

  async restore(actor: AdminActor, slug: string, n: number): Promise<TAdminProblem> {
    return this.transactions.run(async (tx) => {
      const head = await this.editableHead(tx, slug);
      const old = await this.repository.version(tx, slug, n);
      if (!old) throw new AppError(ErrorCode.NotFound, `Problem ${slug} has no version ${n}`);
      const draft = await this.saveDraft(tx, actor, head, sourceOf(old), `version:${n}`);
      await this.audit.record(
        actor,
        {
          action: ProblemAuditAction.Restored,
          entity: { type: 'problem', id: slug },
          before: draft.before,
          after: { restoredFrom: n, draft: toVersion(draft.row) },
        },
        tx,
      );
      return this.view(tx, (await this.repository.head(tx, slug))!);
    });
  }

  async fork(actor: AdminActor, slug: string, request: TForkAdminProblemRequest): Promise<TAdminProblem> {
    const head = await this.repository.head(this.prisma, slug);
    if (!head) throw notFound();
    let original: TAuthoredProblem;
    let forkedFrom: string;
    if (head.source === 'builtin') {
      const read = builtinSource(slug);
      if (!read.source) {
        throw new AppError(ErrorCode.ValidationFailed, `Problem ${slug} cannot be forked: ${read.issues.join('; ')}`, {
          issues: read.issues,
        });
      }
      original = read.source;
      forkedFrom = `builtin:${slug}@${head.version}`;
    } else {
      const version =
        (await this.repository.inState(this.prisma, slug, 'draft')) ?? (await this.repository.inState(this.prisma, slug, 'published'));
      if (!version) throw notFound();
      original = sourceOf(version);
      forkedFrom = `authored:${slug}@${version.number}`;
    }
    const source = { ...original, slug: request.slug, title: request.title ?? original.title, version: 1 };
    return this.createAuthored(actor, source, forkedFrom, ProblemAuditAction.Forked);
  }

  // -------------------------------------------------------------------------------------------------------------

  private async createAuthored(
    actor: AdminActor,
    source: TAuthoredProblem,
    forkedFrom: string | null,
    action: string,
  ): Promise<TAdminProblem> {
    return this.transactions.run(async (tx) => {
      if (await this.repository.slugTaken(tx, source.slug)) {
        throw conflict(AdminProblemReason.SlugTaken, `A problem with the slug "${source.slug}" exists: choose another`);
      }
      const hash = sourceHash(source);
      const now = this.clock.now();
      await this.repository.createHead(tx, source.slug, toProjection(source, hash, [], null), now);
      const version = await this.repository.createVersion(tx, {
        problemSlug: source.slug,
        number: 1,
        source,
        sourceHash: hash,
        forkedFrom,
        createdById: actor.user.id,
        createdByEmail: actor.user.email,
      });
      await this.audit.record(actor, { action, entity: { type: 'problem', id: source.slug }, before: null, after: toVersion(version) }, tx);
      return this.view(tx, (await this.repository.head(tx, source.slug))!);
    });
  }

  /** The head of an authored problem, locked; 404 or 409 (built-in: read-only). */
  private async editableHead(tx: Tx, slug: string): Promise<HeadRow> {
    const head = await this.repository.lockHead(tx, slug);
    if (!head) throw notFound();
    if (head.source !== 'authored') throw readOnly();
    return head;
  }

  /** Creates the problem's one draft, or replaces its source. A never-published problem's head follows its draft. */
  private async saveDraft(
    tx: Tx,
    actor: AdminActor,
    head: HeadRow,
    source: TAuthoredProblem,
    forkedFrom: string | undefined,
  ): Promise<{ row: VersionRow; before: unknown }> {
    const hash = sourceHash(source);
    const existing = await this.repository.inState(tx, head.slug, 'draft');
    const row = existing
      ? await this.repository.updateDraft(tx, existing.id, source, hash, forkedFrom)
      : await this.repository.createVersion(tx, {
          problemSlug: head.slug,
          number: await this.repository.nextNumber(tx, head.slug),
          source,
          sourceHash: hash,
          forkedFrom: forkedFrom ?? null,
          createdById: actor.user.id,
          createdByEmail: actor.user.email,
        });
    if (head.status === 'draft') await this.repository.updateHead(tx, head.slug, toProjection(source, hash, head.decks, null));
    return { row, before: existing ? toVersion(existing) : null };
  }

  private async view(db: Db, head: HeadRow): Promise<TAdminProblem> {
    const authored = head.source === 'authored';
    const [draft, published, first] = authored
      ? [
          await this.repository.inState(db, head.slug, 'draft'),
          await this.repository.inState(db, head.slug, 'published'),
          await this.repository.version(db, head.slug, 1),
        ]
      : [null, null, null];
    return {
      problem: { ...toListItem(head, draft !== null), readOnly: !authored, forkedFrom: first?.forkedFrom ?? null },
      draft: draft ? toVersion(draft) : null,
      published: published ? toVersion(published) : null,
      builtinSource: authored ? null : builtinSource(head.slug).source,
    };
  }
}

function readOnly(): AppError {
  return conflict(AdminProblemReason.BuiltinReadOnly, 'Built-in problems are read-only here: fork one to edit a copy');
}

function asText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value.endsWith('\n') ? value : `${value}\n`;
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A built-in problem read from its files as an authored source (static: nothing in them runs), or why it cannot be. */
function builtinSource(slug: string): { source: TAuthoredProblem | null; issues: string[] } {
  const issues: ContentIssue[] = [];
  let input;
  try {
    input = readProblemFiles(readContentFiles(BUILT_IN_CONTENT_ROOT, `problems/${slug}`), slug, null, issues);
  } catch {
    return { source: null, issues: [`its files are not in ${BUILT_IN_CONTENT_ROOT}`] };
  }
  if (!input) return { source: null, issues: issues.map((i) => `${i.file}:${i.line}: ${i.message}`) };
  const parsed = ZAuthoredProblem.safeParse(input);
  if (!parsed.success) return { source: null, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  return { source: parsed.data, issues: [] };
}
