import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  ZAccountExport,
  ZChangePasswordRequest,
  ZDeleteAccountRequest,
  ZRevokedSessionsResponse,
  ZSessionIdParams,
  ZSessionListResponse,
} from './account';
import { ZLoginRequest, ZMeResponse, ZRegisterRequest } from './auth';
import { ZErrorResponse } from './errors';
import { ZHealthResponse, ZReadyResponse } from './health';
import { registerAdminPaths } from './openapi-admin';
import { registerAdminProblemPaths } from './openapi-admin-problems';
import { registerAdminDeckPaths } from './openapi-admin-decks';
import { registerStudyPaths } from './openapi-study';
import { registerSubmissionPaths } from './openapi-submissions';
import { ZOneClickUnsubscribeForm, ZUnsubscribePreview, ZUnsubscribeQuery, ZUnsubscribeRequest, ZUnsubscribeResponse } from './reminders';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZErrorResponse, description);
const rateLimited = (what: string) => ({
  ...error(`rate_limited: too many ${what}; the Retry-After header (and details.retryAfterSeconds) says when to try again`),
  headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' as const } } },
});
const signedIn = { 401: error('unauthenticated: not signed in') };

/** The OpenAPI document of the HTTP API, generated from the same schemas the API validates with. */
export function buildOpenApiDocument(serverUrl = '/api') {
  const registry = new OpenAPIRegistry();
  registry.registerPath({
    method: 'post',
    path: '/auth/register',
    summary: 'Create an account and sign in',
    request: { body: { content: { 'application/json': { schema: ZRegisterRequest } } } },
    responses: {
      201: json(ZMeResponse, 'Signed up; sets the session cookie'),
      400: error('validation_failed: invalid input (details name each field; a common or short password is refused here)'),
      409: error('email_taken: an account with this email exists'),
      429: rateLimited('sign-ups from this address'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in',
    request: { body: { content: { 'application/json': { schema: ZLoginRequest } } } },
    responses: {
      200: json(ZMeResponse, 'Signed in; sets the session cookie'),
      400: error('validation_failed: invalid input'),
      401: error('invalid_credentials: wrong email or password'),
      403: error('account_disabled: the password is right, but an admin disabled this account'),
      429: rateLimited('failed sign-ins for this account from this address, or from this address'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/auth/logout',
    summary: 'Sign out: revokes the session',
    responses: { 204: { description: 'Signed out' } },
  });
  registry.registerPath({
    method: 'post',
    path: '/auth/logout-all',
    summary: 'Sign out everywhere: revokes every session of mine, this one included, and clears the cookie',
    responses: { 200: json(ZRevokedSessionsResponse, 'Signed out everywhere'), ...signedIn },
  });
  registry.registerPath({
    method: 'post',
    path: '/auth/password',
    summary: 'Change my password; signs out every other session (this one stays signed in)',
    request: { body: { content: { 'application/json': { schema: ZChangePasswordRequest } } } },
    responses: {
      200: json(ZRevokedSessionsResponse, 'Changed; how many other sessions were signed out'),
      400: error(
        'validation_failed: invalid input, a wrong current password (body.currentPassword) or a new password that is too short or too common (body.newPassword)',
      ),
      ...signedIn,
      429: rateLimited('wrong current passwords'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/auth/sessions',
    summary: 'My live sessions (the one making this request is marked current), most recently used first',
    responses: { 200: json(ZSessionListResponse, 'My sessions'), ...signedIn },
  });
  registry.registerPath({
    method: 'delete',
    path: '/auth/sessions/{id}',
    summary: 'Revoke one of my sessions (revoking the current one also clears the cookie)',
    request: { params: ZSessionIdParams },
    responses: {
      204: { description: 'Revoked' },
      400: error('validation_failed: the id is not a UUID'),
      ...signedIn,
      404: error("not_found: no live session of mine has this id (another user's session is 404 too)"),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/me',
    summary: 'The signed-in user',
    responses: { 200: json(ZMeResponse, 'The user'), ...signedIn },
  });
  registry.registerPath({
    method: 'delete',
    path: '/me',
    summary: 'Delete my account and all my data (sessions, submissions, progress, reviews); clears the cookie',
    request: { body: { content: { 'application/json': { schema: ZDeleteAccountRequest } } } },
    responses: {
      204: { description: 'Deleted' },
      400: error('validation_failed: missing body, or a wrong password (details name body.password)'),
      ...signedIn,
      429: rateLimited('wrong passwords'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/me/export',
    summary: 'Export everything stored about me as JSON (account, sessions, submissions, reminder settings and sends, ...)',
    responses: { 200: json(ZAccountExport, 'My data'), ...signedIn },
  });
  registry.registerPath({
    method: 'get',
    path: '/reminders/unsubscribe',
    summary: 'What an unsubscribe link would do (never changes anything: mail scanners prefetch links)',
    description:
      'No sign-in: the signed token identifies the learner. A browser (Accept: text/html) gets a page with a one-click confirm button.',
    request: { query: ZUnsubscribeQuery },
    responses: {
      200: json(ZUnsubscribePreview, 'The masked address and whether reminders are on'),
      400: error('Malformed token (validation_failed) or a forged or altered one (invalid_token)'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/reminders/unsubscribe',
    summary: 'Turn review reminders off, at once (RFC 8058 one-click; no sign-in)',
    description:
      'Mail clients POST `List-Unsubscribe=One-Click` (form-encoded or multipart) to the URL in the List-Unsubscribe header, token in the query. ' +
      'A page may instead POST JSON `{ token }`. Idempotent.',
    request: {
      query: ZUnsubscribeQuery.partial(),
      body: {
        content: {
          'application/json': { schema: ZUnsubscribeRequest },
          'application/x-www-form-urlencoded': { schema: ZOneClickUnsubscribeForm },
          'multipart/form-data': { schema: ZOneClickUnsubscribeForm },
        },
      },
    },
    responses: {
      200: json(ZUnsubscribeResponse, 'Reminders are off'),
      400: error('Missing or malformed token (validation_failed) or a forged or altered one (invalid_token)'),
    },
  });
  registry.registerPath({ method: 'get', path: '/health', summary: 'Liveness', responses: { 200: json(ZHealthResponse, 'Alive') } });
  registry.registerPath({
    method: 'get',
    path: '/ready',
    summary: 'Readiness: Postgres, Redis and migrations',
    responses: { 200: json(ZReadyResponse, 'Ready'), 503: json(ZReadyResponse, 'Not ready') },
  });
  registerStudyPaths(registry);
  registerSubmissionPaths(registry);
  registerAdminPaths(registry);
  registerAdminProblemPaths(registry);
  registerAdminDeckPaths(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Recall Prep API',
      version: '0.1.0',
      description: 'Spaced-repetition interview prep: concept cards and graded coding problems.',
    },
    servers: [{ url: serverUrl }],
  });
}
