import { Injectable } from '@nestjs/common';
import { AdminProblemReason, ErrorCode, type TAuthoredProblem } from '@prep/contracts';
import { sourceHash } from '@prep/grader';
import { AppError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import type { AdminActor } from '../audit/admin-actor';
import { AuditService } from '../audit/audit.service';
import type { Tx } from '../prisma/transactions';
import { toProjection, toVersion } from './admin-problems.mapper';
import { AdminProblemsRepository, type VersionRow } from './admin-problems.repository';

/**
 * Creates an authored problem as a draft (hidden head row + version 1) with its audit event, in the caller's
 * transaction. Shared by problem authoring (create, fork) and the deck zip import, which must not depend on the
 * admin-problems module (that module depends on the admin-decks one).
 */
@Injectable()
export class ProblemDrafts {
  constructor(
    private readonly repository: AdminProblemsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(tx: Tx, actor: AdminActor, source: TAuthoredProblem, forkedFrom: string | null, action: string): Promise<VersionRow> {
    if (await this.repository.slugTaken(tx, source.slug)) {
      throw new AppError(ErrorCode.Conflict, `A problem with the slug "${source.slug}" exists: choose another`, {
        reason: AdminProblemReason.SlugTaken,
      });
    }
    const hash = sourceHash(source);
    await this.repository.createHead(tx, source.slug, toProjection(source, hash, [], null), this.clock.now());
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
    return version;
  }
}
