import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ZErrorResponse } from './errors';
import {
  ZListProblemsQuery,
  ZListProblemsResponse,
  ZNextHintResponse,
  ZProblemPage,
  ZProblemSlugParams,
  ZRevealResponse,
  ZSaveDraftRequest,
  ZSaveDraftResponse,
} from './problems';
import {
  MAX_CODE_BYTES,
  MAX_CUSTOM_TESTS_BYTES,
  OUTCOME_RATING_RULE,
  ZCreateSubmissionRequest,
  ZListSubmissionsQuery,
  ZListSubmissionsResponse,
  ZSubmissionCreated,
  ZSubmissionEvent,
  ZSubmissionIdParams,
  ZSubmissionView,
} from './submissions';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZErrorResponse, description);
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });
const signedIn = { 401: error('`unauthenticated`: not signed in') };
const unknownProblem = { 404: error('`not_found`: no such problem, or it was retired') };
const retryAfter = {
  headers: z.object({ 'Retry-After': z.string().describe('Seconds to wait before trying again') }),
};

/** The problem and submission routes (issue: submissions pipeline). */
export function registerSubmissionPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/problems',
    tags: ['problems'],
    summary: 'List problems with my status (new / attempted / solved / due)',
    request: { query: ZListProblemsQuery },
    responses: { 200: json(ZListProblemsResponse, 'One page of problems'), 400: error('`validation_failed`'), ...signedIn },
  });
  registry.registerPath({
    method: 'get',
    path: '/problems/{slug}',
    tags: ['problems'],
    summary:
      'The problem page: statement, examples, constraints, starter, revealed hints, my draft, last submission, review state and ' +
      'the concepts behind it (with my state of each)',
    description:
      'Opening a problem that is due starts the clock of its attempt (see the rating rule on POST /problems/{slug}/submissions).',
    request: { params: ZProblemSlugParams },
    responses: { 200: json(ZProblemPage, 'The page'), 400: error('`validation_failed`: bad slug'), ...signedIn, ...unknownProblem },
  });
  registry.registerPath({
    method: 'post',
    path: '/problems/{slug}/submissions',
    tags: ['submissions'],
    summary: 'Run (samples + custom inputs) or submit (every test) code; graded asynchronously',
    description:
      `Answers 202 at once; follow GET /submissions/{id}/events. Code over ${MAX_CODE_BYTES} bytes or custom inputs over ` +
      `${MAX_CUSTOM_TESTS_BYTES} bytes: 413. Custom inputs only in run mode, each with one value per parameter (else 400). ` +
      'At most 2 submissions in flight per learner and a per-minute limit; past them, or when the graders are saturated, 429 ' +
      'with Retry-After.\n\n**How a submit rates the problem**\n\n' +
      OUTCOME_RATING_RULE,
    request: { params: ZProblemSlugParams, ...body(ZCreateSubmissionRequest) },
    responses: {
      202: json(ZSubmissionCreated, 'Queued'),
      400: error('`validation_failed` (names each bad field) or `malformed_json`'),
      ...signedIn,
      ...unknownProblem,
      413: error('`payload_too_large`: code or custom inputs too large'),
      429: { ...error('`rate_limited`: too many in flight, too many this minute, or graders saturated'), ...retryAfter },
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/problems/{slug}/submissions',
    tags: ['submissions'],
    summary: 'My submissions of a problem, newest first',
    request: { params: ZProblemSlugParams, query: ZListSubmissionsQuery },
    responses: { 200: json(ZListSubmissionsResponse, 'One page'), 400: error('`validation_failed`'), ...signedIn, ...unknownProblem },
  });
  registry.registerPath({
    method: 'get',
    path: '/submissions/{id}',
    tags: ['submissions'],
    summary: 'One of my submissions with its result (hidden tests redacted)',
    request: { params: ZSubmissionIdParams },
    responses: {
      200: json(ZSubmissionView, 'The submission'),
      400: error('`validation_failed`: not a submission id'),
      ...signedIn,
      404: error("`not_found`: no such submission, or another learner's"),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/submissions/{id}/events',
    tags: ['submissions'],
    summary: 'Live grading events (Server-Sent Events): queued, started, test (one per finished test), done',
    description:
      'Each message is `id: <event id>`, `event: <type>`, `data: <JSON of the schema below>`. Reconnect with ' +
      'Last-Event-ID to get only what was missed; a client that comes late, with or without it, gets the current ' +
      'state and then `done`. The stream closes after `done`. Comments (`: keep-alive`) are sent every 15 s.',
    request: { params: ZSubmissionIdParams, headers: z.object({ 'Last-Event-ID': z.string().optional() }) },
    responses: {
      200: { description: 'The event stream', content: { 'text/event-stream': { schema: ZSubmissionEvent } } },
      400: error('`validation_failed`: not a submission id'),
      ...signedIn,
      404: error("`not_found`: no such submission, or another learner's"),
    },
  });
  registry.registerPath({
    method: 'put',
    path: '/problems/{slug}/draft',
    tags: ['problems'],
    summary: 'Autosave my code (the latest clientUpdatedAt wins)',
    request: { params: ZProblemSlugParams, ...body(ZSaveDraftRequest) },
    responses: {
      200: json(ZSaveDraftResponse, 'Stored, or ignored because a newer draft is stored'),
      400: error('`validation_failed`'),
      ...signedIn,
      ...unknownProblem,
      413: error('`payload_too_large`: code too large'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/problems/{slug}/hints/next',
    tags: ['problems'],
    summary: 'Reveal the next hint (counted: an accepted submit after a hint rates at most `hard`)',
    request: { params: ZProblemSlugParams },
    responses: {
      200: json(ZNextHintResponse, 'The hint'),
      ...signedIn,
      ...unknownProblem,
      409: error('`conflict`: every hint is already revealed'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/problems/{slug}/reveal',
    tags: ['problems'],
    summary: 'Reveal the editorial, the reference and my last accepted code (before acceptance this rates the attempt `again`)',
    request: { params: ZProblemSlugParams },
    responses: { 200: json(ZRevealResponse, 'Revealed'), ...signedIn, ...unknownProblem },
  });
}
