import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ZListUsersQuery, ZListUsersResponse, ZLoginRequest, ZMeResponse, ZRegisterRequest } from './auth';
import { ZErrorResponse } from './errors';
import { ZHealthResponse, ZReadyResponse } from './health';
import { registerStudyPaths } from './openapi-study';
import { registerSubmissionPaths } from './openapi-submissions';

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
  registry.registerPath({ method: 'get', path: '/health', summary: 'Liveness', responses: { 200: json(ZHealthResponse, 'Alive') } });
  registry.registerPath({
    method: 'get',
    path: '/ready',
    summary: 'Readiness: Postgres, Redis and migrations',
    responses: { 200: json(ZReadyResponse, 'Ready'), 503: json(ZReadyResponse, 'Not ready') },
  });
  registerStudyPaths(registry);
  registerSubmissionPaths(registry);
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
