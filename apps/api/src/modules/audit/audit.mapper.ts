import type { TAuditEntityType, TAuditEvent } from '@prep/contracts';
import type { AuditRow } from './audit.repository';

export function toAuditEvent(row: AuditRow): TAuditEvent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { id: row.actorId, email: row.actorEmail },
    action: row.action,
    entity: { type: row.entityType as TAuditEntityType, id: row.entityId },
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
  };
}

/** Cursors are opaque to clients: the (at, id) of the last event of a page. */
export function encodeCursor(row: { at: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.at.toISOString(), row.id])).toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } | null {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(Date.parse(at))) return null;
    return { at: new Date(at), id };
  } catch {
    return null;
  }
}
