import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ZErrorResponse, ZListUsersResponse } from '@prep/contracts';
import { signInAs } from './support/api-client';
import { startTestHttpApp } from './support/http-app';

let app: NestFastifyApplication;

beforeAll(async () => {
  app = await startTestHttpApp();
});
afterAll(async () => {
  await app.close();
});

const signIn = async (role: 'learner' | 'admin') => (await signInAs(app, role)).cookie;

describe('GET /api/admin/users', () => {
  it('answers 401 without a session and 403 to a learner', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/api/admin/users' });
    expect(anonymous.statusCode).toBe(401);
    const learner = await app.inject({ method: 'GET', url: '/api/admin/users', headers: { cookie: await signIn('learner') } });
    expect(learner.statusCode).toBe(403);
    expect(ZErrorResponse.parse(learner.json()).error.code).toBe('forbidden');
  });

  it('lists accounts, newest first, to an admin', async () => {
    const cookie = await signIn('admin');
    const res = await app.inject({ method: 'GET', url: '/api/admin/users?limit=2', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const body = ZListUsersResponse.parse(res.json());
    expect(body.users).toHaveLength(2);
    expect(body.total).toBeGreaterThanOrEqual(2);
    expect(body.users[0]!.role).toBe('admin');
    expect(Date.parse(body.users[0]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(body.users[1]!.createdAt));
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|argon2/);
  });

  it('validates the query and names each bad parameter', async () => {
    const cookie = await signIn('admin');
    const res = await app.inject({ method: 'GET', url: '/api/admin/users?limit=0&sort=email', headers: { cookie } });
    expect(res.statusCode).toBe(400);
    const details = ZErrorResponse.parse(res.json()).error.details as { path: string }[];
    expect(details.map((d) => d.path).sort()).toEqual(['query.limit', 'query.sort']);
  });
});
