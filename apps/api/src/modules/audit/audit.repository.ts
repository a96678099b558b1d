import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../prisma/prisma.service';
import type { Tx } from '../prisma/transactions';

export const AUDIT_SELECT = {
  id: true,
  at: true,
  actorId: true,
  actorEmail: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  requestId: true,
} as const;

export type AuditRow = Prisma.AuditEventGetPayload<{ select: typeof AUDIT_SELECT }>;

export interface AuditInsert {
  at: Date;
  actorId: string;
  actorEmail: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface AuditFilter {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** The last event of the previous page: this page holds older ones. */
  after?: { at: Date; id: string };
}

const json = (value: unknown) => (value === null || value === undefined ? undefined : (value as Prisma.InputJsonValue));

@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Inside the caller's transaction when given one, so the event commits with the change. */
  async insert(entry: AuditInsert, tx?: Tx): Promise<void> {
    const { before, after, ...rest } = entry;
    await (tx ?? this.prisma).auditEvent.create({ data: { ...rest, before: json(before), after: json(after) }, select: { id: true } });
  }

  /** Newest first, by (at, id) so pages never skip or repeat events that share a millisecond. */
  page(filter: AuditFilter, limit: number): Promise<AuditRow[]> {
    const { after } = filter;
    return this.prisma.auditEvent.findMany({
      select: AUDIT_SELECT,
      where: {
        actorId: filter.actorId,
        entityType: filter.entityType,
        entityId: filter.entityId,
        action: filter.action,
        at: { gte: filter.from, lt: filter.to },
        ...(after ? { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] } : {}),
      },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      take: limit,
    });
  }
}
