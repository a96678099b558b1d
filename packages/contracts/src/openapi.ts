import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ZListUsersQuery, ZListUsersResponse, ZLoginRequest, ZMeResponse, ZRegisterRequest } from './auth';
import { ZErrorResponse } from './errors';
import { ZHealthResponse, ZReadyResponse } from './health';
import { ZOneClickUnsubscribeForm, ZUnsubscribePreview, ZUnsubscribeQuery, ZUnsubscribeRequest, ZUnsubscribeResponse } from './reminders';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ZErrorResponse, description);

/** The OpenAPI document of the HTTP API, generated from the same schemas the API validates with. */
export function buildOpenApiDocument(serverUrl = '/api') {
  const registry = new OpenAPIRegistry();
  registry.registerPath({
    method: 'post',
    path: '/auth/register',
    summary: 'Create an account and sign in',
    request: { body: { content: { 'application/json': { schema: ZRegisterRequest } } } },
    responses: { 201: json(ZMeResponse, 'Signed up; sets the session cookie'), 400: error('Invalid input'), 409: error('Email taken') },
  });
  registry.registerPath({
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in',
    request: { body: { content: { 'application/json': { schema: ZLoginRequest } } } },
    responses: {
      200: json(ZMeResponse, 'Signed in; sets the session cookie'),
      400: error('Invalid input'),
      401: error('Wrong email or password'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/auth/logout',
    summary: 'Sign out: revokes the session',
    responses: { 204: { description: 'Signed out' } },
  });
  registry.registerPath({
    method: 'get',
    path: '/me',
    summary: 'The signed-in user',
    responses: { 200: json(ZMeResponse, 'The user'), 401: error('Not signed in') },
  });
  registry.registerPath({
    method: 'get',
    path: '/admin/users',
    summary: 'List accounts (admins only)',
    request: { query: ZListUsersQuery },
    responses: {
      200: json(ZListUsersResponse, 'Accounts, newest first'),
      400: error('Invalid query'),
      401: error('Not signed in'),
      403: error('Not an admin'),
    },
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
