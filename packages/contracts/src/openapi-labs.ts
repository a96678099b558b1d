import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ZErrorResponse } from './errors';
import { LAB_CODE_MAX_BYTES } from './labs';
import {
  LAB_OUTCOME_RATING_RULE,
  ZCreateLabSubmissionRequest,
  ZLabPage,
  ZLabSlugParams,
  ZLabSubmissionCreated,
  ZLabSubmissionEvent,
  ZLabSubmissionIdParams,
  ZLabSubmissionView,
  ZListLabsResponse,
  ZListLabSubmissionsQuery,
  ZListLabSubmissionsResponse,
} from './labs-api';
import { ZSaveDraftRequest, ZSaveDraftResponse } from './problems';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZErrorResponse, description);
const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });
const signedIn = { 401: error('`unauthenticated`: not signed in') };
const unknownLab = { 404: error('`not_found`: no such lab, or it was retired') };
const unknownSubmission = { 404: error("`not_found`: no such lab submission, or another learner's") };
const retryAfter = {
  headers: z.object({ 'Retry-After': z.string().describe('Seconds to wait before trying again') }),
};

/** The lab routes (issue 12): Python labs graded by the lab-worker pool, on a GPU where the lab needs one. */
export function registerLabPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/labs',
    tags: ['labs'],
    summary: 'List labs with my status (new / attempted / solved / due) and where each runs',
    responses: { 200: json(ZListLabsResponse, 'Every live lab, by title'), ...signedIn },
  });
  registry.registerPath({
    method: 'get',
    path: '/labs/{slug}',
    tags: ['labs'],
    summary: 'The lab page: statement, background, starter, hints, limits, my draft, last submission and review state',
    request: { params: ZLabSlugParams },
    responses: { 200: json(ZLabPage, 'The page'), 400: error('`validation_failed`: bad slug'), ...signedIn, ...unknownLab },
  });
  registry.registerPath({
    method: 'post',
    path: '/labs/{slug}/submissions',
    tags: ['labs'],
    summary: 'Submit a solution.py; graded asynchronously by a lab worker (on a GPU for GPU labs, else on CPU)',
    description:
      `Answers 202 at once; follow GET /lab-submissions/{id}/events. Code over ${LAB_CODE_MAX_BYTES} bytes: 413. ` +
      'The same per-learner limits as code submissions (in flight, per minute): 429 with Retry-After. Every result ' +
      'states the device it ran on.\n\n**How a submission rates the lab**\n\n' +
      LAB_OUTCOME_RATING_RULE,
    request: { params: ZLabSlugParams, ...body(ZCreateLabSubmissionRequest) },
    responses: {
      202: json(ZLabSubmissionCreated, 'Queued'),
      400: error('`validation_failed` or `malformed_json`'),
      ...signedIn,
      ...unknownLab,
      413: error('`payload_too_large`: code too large'),
      429: { ...error('`rate_limited`: too many in flight or too many this minute'), ...retryAfter },
      503: error('`service_unavailable`: the lab queue could not be reached; submit again shortly'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/labs/{slug}/submissions',
    tags: ['labs'],
    summary: 'My submissions of a lab, newest first',
    request: { params: ZLabSlugParams, query: ZListLabSubmissionsQuery },
    responses: { 200: json(ZListLabSubmissionsResponse, 'One page'), 400: error('`validation_failed`'), ...signedIn, ...unknownLab },
  });
  registry.registerPath({
    method: 'put',
    path: '/labs/{slug}/draft',
    tags: ['labs'],
    summary: 'Autosave my lab code (the latest clientUpdatedAt wins)',
    request: { params: ZLabSlugParams, ...body(ZSaveDraftRequest) },
    responses: {
      200: json(ZSaveDraftResponse, 'Stored, or ignored because a newer draft is stored'),
      400: error('`validation_failed`'),
      ...signedIn,
      ...unknownLab,
      413: error('`payload_too_large`: code too large'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/lab-submissions/{id}',
    tags: ['labs'],
    summary: 'One of my lab submissions with its whole result (checks, metrics, environment, output)',
    request: { params: ZLabSubmissionIdParams },
    responses: {
      200: json(ZLabSubmissionView, 'The submission'),
      400: error('`validation_failed`: not a submission id'),
      ...signedIn,
      ...unknownSubmission,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/lab-submissions/{id}/events',
    tags: ['labs'],
    summary: 'Live grading events (Server-Sent Events): queued, started (slot and device), done (the whole result)',
    description:
      'Each message is `id: <event id>`, `event: <type>`, `data: <JSON of the schema below>`. Reconnect with ' +
      'Last-Event-ID to get only what was missed; a client that comes late gets the current state and then `done`. ' +
      'The stream closes after `done`. Comments (`: keep-alive`) are sent every 15 s.',
    request: { params: ZLabSubmissionIdParams, headers: z.object({ 'Last-Event-ID': z.string().optional() }) },
    responses: {
      200: { description: 'The event stream', content: { 'text/event-stream': { schema: ZLabSubmissionEvent } } },
      400: error('`validation_failed`: not a submission id'),
      ...signedIn,
      ...unknownSubmission,
    },
  });
}
