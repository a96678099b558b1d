import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  ZAdminProblem,
  ZAdminProblemListQuery,
  ZAdminProblemListResponse,
  ZAdminProblemSlugParams,
  ZAdminProblemVersionParams,
  ZCheckProblemQueued,
  ZCreateAdminProblemRequest,
  ZForkAdminProblemRequest,
  ZProblemCheckStatus,
  ZProblemVersion,
  ZProblemVersionDiff,
  ZProblemVersionDiffQuery,
  ZProblemVersionListResponse,
  ZUpdateAdminProblemDraftRequest,
} from './admin-problems';
import { ZErrorResponse } from './errors';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZErrorResponse, description);
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });
const adminOnly = {
  401: error('`unauthenticated`: not signed in'),
  403: error('`forbidden`: signed in, but not an admin'),
};
const badInput = (what: string) => ({ 400: error(`\`validation_failed\`: \`details\` names each bad field (${what})`) });
const noProblem = { 404: error('`not_found`: no problem has this slug') };
const readOnly = {
  409: error('`conflict`: a built-in problem is read-only here (`details.reason`: `builtin_read_only`): fork it'),
};
const tags = ['admin', 'admin-problems'];

/** Admin routes for problems: list, author, check, publish, archive, history, restore and fork. */
export function registerAdminProblemPaths(registry: OpenAPIRegistry): void {
  const params = { params: ZAdminProblemSlugParams };
  registry.registerPath({
    method: 'get',
    path: '/admin/problems',
    tags,
    summary: 'List problems, built-in and authored, with their status; by title',
    request: { query: ZAdminProblemListQuery },
    responses: { 200: json(ZAdminProblemListResponse, 'One page of problems'), ...badInput('e.g. `query.status`'), ...adminOnly },
  });
  registry.registerPath({
    method: 'post',
    path: '/admin/problems',
    tags,
    summary: 'Create an authored problem as a draft (invisible to learners until published); audit-logged',
    request: body(ZCreateAdminProblemRequest),
    responses: {
      201: json(ZAdminProblem, 'The new problem with its draft'),
      ...badInput('each bad field of `body.problem`, e.g. `body.problem.tests.cases`'),
      ...adminOnly,
      409: error('`conflict`: the slug is taken (`details.reason`: `slug_taken`)'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/admin/problems/{slug}',
    tags,
    summary: 'One problem with its draft and published versions (a built-in one: read-only, with its source as files say)',
    request: params,
    responses: { 200: json(ZAdminProblem, 'The problem'), ...badInput('`params.slug`'), ...adminOnly, ...noProblem },
  });
  registry.registerPath({
    method: 'put',
    path: '/admin/problems/{slug}/draft',
    tags,
    summary: "Save the draft's whole source (creates the draft from the published version if none); learners see no change",
    request: { ...params, ...body(ZUpdateAdminProblemDraftRequest) },
    responses: {
      200: json(ZAdminProblem, 'The problem with its saved draft'),
      ...badInput('each bad field of `body.problem`; `body.problem.slug` must equal the URL slug'),
      ...adminOnly,
      ...noProblem,
      ...readOnly,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/admin/problems/{slug}/check',
    tags,
    summary: "Queue a check of the draft's current source in the worker's sandbox (queue `authoring`); idempotent",
    description:
      'Reference accepted, starter not accepted, each wrong solution gets its expected verdict, the reference within half of each time limit. The API never runs author code; poll GET .../check.',
    request: params,
    responses: {
      202: json(ZCheckProblemQueued, 'Queued (or already checked: `state` says which)'),
      ...adminOnly,
      ...noProblem,
      ...readOnly,
      422: error('`check_failed` with `details.reason` `no_draft`: there is nothing to check'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/admin/problems/{slug}/check',
    tags,
    summary: "Where the draft's check stands, with its latest report",
    request: params,
    responses: {
      200: json(ZProblemCheckStatus, 'The check status'),
      ...adminOnly,
      ...noProblem,
      422: error('`check_failed` with `details.reason` `no_draft`'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/admin/problems/{slug}/publish',
    tags,
    summary: 'Publish the draft: learners see it at once; their progress and past submissions stay; audit-logged',
    description:
      "Needs a passing check of the draft's exact current source. The content version learners' work is recorded against goes up only when what grading depends on changed.",
    request: params,
    responses: {
      200: json(ZAdminProblem, 'The problem, now published'),
      ...adminOnly,
      ...noProblem,
      ...readOnly,
      422: error(
        '`check_failed`: `details.reason` is `no_draft`, `not_checked` (no finished check of the current source) or `check_failed` (`details.report` names each failure)',
      ),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/admin/problems/{slug}/archive',
    tags,
    summary: 'Archive: hidden from learners; their progress is kept; audit-logged. Publishing again brings it back',
    request: params,
    responses: { 200: json(ZAdminProblem, 'The archived problem'), ...adminOnly, ...noProblem, ...readOnly },
  });
  registry.registerPath({
    method: 'get',
    path: '/admin/problems/{slug}/versions',
    tags,
    summary: 'The version history, newest first',
    request: params,
    responses: { 200: json(ZProblemVersionListResponse, 'The versions'), ...adminOnly, ...noProblem },
  });
  registry.registerPath({
    method: 'get',
    path: '/admin/problems/{slug}/versions/{n}',
    tags,
    summary: 'One version with its whole source and its check',
    request: { params: ZAdminProblemVersionParams },
    responses: {
      200: json(ZProblemVersion, 'The version'),
      ...badInput('`params.n`'),
      ...adminOnly,
      404: error('`not_found`: no such problem or version'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/admin/problems/{slug}/versions/{n}/diff',
    tags,
    summary: 'What changed in version n against version `against` (default: the one before)',
    request: { params: ZAdminProblemVersionParams, query: ZProblemVersionDiffQuery },
    responses: {
      200: json(ZProblemVersionDiff, 'The changed fields as line diffs'),
      ...badInput('`params.n`, `query.against`'),
      ...adminOnly,
      404: error('`not_found`: no such problem or version'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/admin/problems/{slug}/versions/{n}/restore',
    tags,
    summary: "Make version n's source the draft (history is never rewritten: publishing it makes a new version); audit-logged",
    request: { params: ZAdminProblemVersionParams },
    responses: {
      200: json(ZAdminProblem, 'The problem with the restored draft'),
      ...adminOnly,
      404: error('`not_found`: no such problem or version'),
      ...readOnly,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/admin/problems/{slug}/fork',
    tags,
    summary: 'Copy a problem (built-in or authored) into a new authored draft under a new slug; audit-logged',
    request: { ...params, ...body(ZForkAdminProblemRequest) },
    responses: {
      201: json(ZAdminProblem, 'The new authored problem with its draft'),
      ...badInput('`body.slug`'),
      ...adminOnly,
      ...noProblem,
      409: error('`conflict`: the new slug is taken (`details.reason`: `slug_taken`)'),
      422: error('`validation_failed`: the built-in problem cannot be expressed as an authored one (e.g. a custom checker)'),
    },
  });
}
