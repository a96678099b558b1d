import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  QUEUE_DASHBOARD_PATH,
  ZAdminUserListQuery,
  ZAdminUserListResponse,
  ZAuditPage,
  ZAuditQuery,
  ZUpdateUserRequest,
  ZUpdateUserResponse,
  ZUserIdParams,
} from './admin';
import { ZErrorResponse } from './errors';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZErrorResponse, description);

/** Every admin route answers these the same way. */
const adminOnly = {
  401: error('`unauthenticated`: not signed in'),
  403: error('`forbidden`: signed in, but not an admin'),
};
const badInput = (what: string) => ({ 400: error(`\`validation_failed\`: \`details\` names each bad field (${what})`) });

/** Admin routes: accounts, the audit log and the queue dashboard. */
export function registerAdminPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/admin/users',
    tags: ['admin'],
    summary: 'List accounts, newest first; search by email or name, filter by role and status',
    request: { query: ZAdminUserListQuery },
    responses: { 200: json(ZAdminUserListResponse, 'One page of accounts'), ...badInput('e.g. `query.limit`'), ...adminOnly },
  });
  registry.registerPath({
    method: 'patch',
    path: '/admin/users/{id}',
    tags: ['admin'],
    summary: "Change an account's role, or disable it (its sessions are revoked at once) or enable it again; audit-logged",
    request: { params: ZUserIdParams, body: { content: { 'application/json': { schema: ZUpdateUserRequest } } } },
    responses: {
      200: json(ZUpdateUserResponse, 'The account as it is now, and how many sessions were revoked'),
      ...badInput('e.g. `body.role`; an empty body names neither field'),
      ...adminOnly,
      404: error('`not_found`: no account has this id'),
      409: error('`conflict`: an admin cannot change their own role or disable themselves'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/admin/audit',
    tags: ['admin'],
    summary: 'The audit log of admin changes, newest first; filter by actor, entity, action and time',
    request: { query: ZAuditQuery },
    responses: {
      200: json(ZAuditPage, 'One page of events; `nextCursor` fetches the next (older) page'),
      ...badInput('e.g. `query.from`, or a malformed `query.cursor`'),
      ...adminOnly,
    },
  });
  registry.registerPath({
    method: 'get',
    path: `${QUEUE_DASHBOARD_PATH.replace(/^\/api/, '')}`,
    tags: ['admin'],
    summary: 'The queue dashboard (Bull Board): an HTML page showing every queue, with its own JSON API below this path',
    description:
      'Admins only, like every route under it (its assets and its API included). Changes made through it (retry, remove, clean, pause...) are recorded in the audit log as `queue.changed`.',
    responses: { 200: { description: 'The dashboard page (text/html)' }, ...adminOnly },
  });
}
