import { Injectable } from '@nestjs/common';
import type { TAuditEntityType, TAuditPage, TAuditQuery } from '@prep/contracts';
import { AppError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import type { Tx } from '../prisma/transactions';
import { decodeCursor, encodeCursor, toAuditEvent } from './audit.mapper';
import { AuditRepository } from './audit.repository';
import type { AdminActor } from './admin-actor';

export interface AuditEntry {
  action: string;
  entity: { type: TAuditEntityType; id: string };
  /** The entity before and after the change, as JSON-able values (null: did not exist / no longer exists). */
  before: unknown;
  after: unknown;
}

/**
 * The audit log. Every admin change calls `record` inside its own transaction (pass the transaction), so the change
 * and its event commit or roll back together.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly clock: Clock,
  ) {}

  record(actor: AdminActor, entry: AuditEntry, tx?: Tx): Promise<void> {
    return this.repository.insert(
      {
        at: this.clock.now(),
        actorId: actor.user.id,
        actorEmail: actor.user.email,
        action: entry.action,
        entityType: entry.entity.type,
        entityId: entry.entity.id,
        before: entry.before,
        after: entry.after,
        requestId: actor.requestId,
      },
      tx,
    );
  }

  async list(query: TAuditQuery): Promise<TAuditPage> {
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (after === null) throw AppError.validation([{ path: 'query.cursor', message: 'is not a cursor this API returned' }]);
    const rows = await this.repository.page(
      {
        actorId: query.actorId,
        entityType: query.entityType,
        entityId: query.entityId,
        action: query.action,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        after,
      },
      query.limit + 1,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return { events: page.map(toAuditEvent), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
  }
}
