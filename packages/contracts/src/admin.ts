import { z } from 'zod';
import { ZRole, ZUser } from './auth';

const ZInstant = z.iso.datetime();

// ---------------------------------------------------------------------------------------------------------------
// Users: GET /api/admin/users, PATCH /api/admin/users/:id (admins only)

/** An account as an admin sees it. A disabled account cannot sign in and its sessions are revoked. */
export const ZAdminUser = ZUser.extend({ disabledAt: ZInstant.nullable() });
export type TAdminUser = z.infer<typeof ZAdminUser>;

export const ZAdminUserStatus = z.enum(['active', 'disabled']);

/** GET /api/admin/users?q=&role=&status=&limit=&offset= : newest first; filters combine with AND. */
export const ZAdminUserListQuery = z.strictObject({
  /** Case-insensitive substring of the email or the display name. */
  q: z.string().trim().min(1).max(254).optional(),
  role: ZRole.optional(),
  status: ZAdminUserStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TAdminUserListQuery = z.infer<typeof ZAdminUserListQuery>;

export const ZAdminUserListResponse = z.object({
  users: z.array(ZAdminUser),
  /** Accounts matching the filters (all pages). */
  total: z.number().int(),
});
export type TAdminUserListResponse = z.infer<typeof ZAdminUserListResponse>;

export const ZUserIdParams = z.strictObject({ id: z.uuid() });
export type TUserIdParams = z.infer<typeof ZUserIdParams>;

/**
 * PATCH /api/admin/users/:id. `disabled: true` disables the account and revokes all its sessions at once;
 * `disabled: false` enables it again (it signs in anew). An admin cannot change their own role or disable themselves,
 * so there is always an admin left.
 */
export const ZUpdateUserRequest = z
  .strictObject({ role: ZRole.optional(), disabled: z.boolean().optional() })
  .refine((b) => b.role !== undefined || b.disabled !== undefined, { message: 'give role, disabled or both' });
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

export const ZUpdateUserResponse = z.object({
  user: ZAdminUser,
  /** Sessions this change revoked (disabling revokes all of the account's live sessions). */
  revokedSessions: z.number().int(),
});
export type TUpdateUserResponse = z.infer<typeof ZUpdateUserResponse>;

// ---------------------------------------------------------------------------------------------------------------
// Audit log: GET /api/admin/audit (admins only)

/** What an audit event is about. */
export const ZAuditEntityType = z.enum(['user', 'deck', 'problem', 'card', 'queue']);
export type TAuditEntityType = z.infer<typeof ZAuditEntityType>;

/** `<entity>.<verb>`, e.g. `user.role_changed`. */
export const ZAuditAction = z
  .string()
  .regex(/^[a-z]+(?:_[a-z]+)*\.[a-z]+(?:_[a-z]+)*$/, { message: 'must look like entity.verb, e.g. user.role_changed' })
  .max(80);

/** The actions recorded today; content authoring adds its own (deck.published, problem.updated, ...). */
export const AuditAction = {
  UserRoleChanged: 'user.role_changed',
  UserDisabled: 'user.disabled',
  UserEnabled: 'user.enabled',
  /** A change made through the queue dashboard (retry, promote, remove, clean, pause, resume, ...). */
  QueueChanged: 'queue.changed',
} as const;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];

export const ZAuditEvent = z.object({
  id: z.uuid(),
  at: ZInstant,
  /** Who made the change. `id` is null once that account is deleted; `email` is as it was then. */
  actor: z.object({ id: z.uuid().nullable(), email: z.string() }),
  action: ZAuditAction,
  entity: z.object({ type: ZAuditEntityType, id: z.string() }),
  /** The entity before and after the change, as JSON (null when it did not exist before, or no longer exists). */
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /** The API request that made the change (its x-request-id), for matching with logs. */
  requestId: z.string().nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

/** GET /api/admin/audit?actorId=&entityType=&entityId=&action=&from=&to=&limit=&cursor= : newest first. */
export const ZAuditQuery = z
  .strictObject({
    actorId: z.uuid().optional(),
    entityType: ZAuditEntityType.optional(),
    entityId: z.string().trim().min(1).max(200).optional(),
    action: ZAuditAction.optional(),
    /** Events at or after this instant. */
    from: ZInstant.optional(),
    /** Events before this instant. */
    to: ZInstant.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    /** `nextCursor` of the previous page. */
    cursor: z.string().max(200).optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['from'] });
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditPage = z.object({
  events: z.array(ZAuditEvent),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TAuditPage = z.infer<typeof ZAuditPage>;

// ---------------------------------------------------------------------------------------------------------------
// Queue dashboard (Bull Board): /api/admin/queues, an HTML page and its own JSON API, admins only.

/** Where the queue dashboard is mounted, under the API's /api prefix. */
export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';
