import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { ZAdminUserListResponse, ZAuditPage, ZUpdateUserResponse } from '@prep/contracts';
import { call, errorOf, registerLearner, signInAs, type TSignedIn } from './support/api-client';
import { startTestHttpApp } from './support/http-app';

let app: NestFastifyApplication;
let admin: TSignedIn;

beforeAll(async () => {
  app = await startTestHttpApp();
  admin = await signInAs(app, 'admin');
});
afterAll(async () => {
  await app.close();
});

const patch = (id: string, payload: unknown, cookie = admin.cookie) =>
  call(app, { method: 'PATCH', url: `/api/admin/users/${id}`, payload, cookie });
const auditOf = async (entityId: string) =>
  ZAuditPage.parse((await call(app, { url: `/api/admin/audit?entityType=user&entityId=${entityId}`, cookie: admin.cookie })).json()).events;

describe('GET /api/admin/users', () => {
  it('answers 401 without a session and 403 to a learner', async () => {
    expect((await call(app, { url: '/api/admin/users' })).statusCode).toBe(401);
    const learner = await call(app, { url: '/api/admin/users', cookie: (await signInAs(app, 'learner')).cookie });
    expect(learner.statusCode).toBe(403);
    expect(errorOf(learner).code).toBe('forbidden');
  });

  it('lists accounts newest first, with their status, never their password hash', async () => {
    const res = await call(app, { url: '/api/admin/users?limit=2', cookie: admin.cookie });
    expect(res.statusCode).toBe(200);
    const body = ZAdminUserListResponse.parse(res.json());
    expect(body.users).toHaveLength(2);
    expect(body.total).toBeGreaterThanOrEqual(2);
    expect(Date.parse(body.users[0]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(body.users[1]!.createdAt));
    expect(body.users[0]).toHaveProperty('disabledAt');
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|argon2/);
  });

  it('searches by email or name, case-insensitively, and filters by role and status', async () => {
    const tag = randomUUID().slice(0, 8);
    const ada = await registerLearner(app, { email: `ada-${tag}@example.com`, displayName: `Ada ${tag}` });
    await registerLearner(app, { email: `bob-${tag}@example.com`, displayName: 'Bob' });
    const list = async (query: string) =>
      ZAdminUserListResponse.parse((await call(app, { url: `/api/admin/users?${query}`, cookie: admin.cookie })).json());
    expect((await list(`q=${tag.toUpperCase()}`)).users.map((u) => u.email).sort()).toEqual([
      `ada-${tag}@example.com`,
      `bob-${tag}@example.com`,
    ]);
    expect((await list(`q=ada%20${tag}`)).users.map((u) => u.id)).toEqual([ada.user.id]);
    expect((await list(`q=${tag}&role=admin`)).total).toBe(0);
    await patch(ada.user.id, { disabled: true });
    expect((await list(`q=${tag}&status=disabled`)).users.map((u) => u.id)).toEqual([ada.user.id]);
    expect((await list(`q=${tag}&status=active`)).total).toBe(1);
  });

  it('validates the query and names each bad parameter', async () => {
    const res = await call(app, { url: '/api/admin/users?limit=0&sort=email&role=owner', cookie: admin.cookie });
    expect(res.statusCode).toBe(400);
    expect((errorOf(res).details as { path: string }[]).map((d) => d.path).sort()).toEqual(['query.limit', 'query.role', 'query.sort']);
  });
});

describe('PATCH /api/admin/users/:id', () => {
  it('changes a role at once and records who did it, before and after', async () => {
    const learner = await registerLearner(app);
    const res = await patch(learner.user.id, { role: 'admin' });
    expect(res.statusCode).toBe(200);
    expect(ZUpdateUserResponse.parse(res.json())).toMatchObject({ user: { id: learner.user.id, role: 'admin' }, revokedSessions: 0 });
    // The learner's own session now has admin rights: roles are read per request.
    expect((await call(app, { url: '/api/admin/users', cookie: learner.cookie })).statusCode).toBe(200);
    const [event] = await auditOf(learner.user.id);
    expect(event).toMatchObject({
      action: 'user.role_changed',
      actor: { id: admin.user.id, email: admin.email },
      entity: { type: 'user', id: learner.user.id },
      before: { role: 'learner' },
      after: { role: 'admin' },
    });
    expect(event!.requestId).toBeTruthy();
  });

  it('disables an account: its sessions stop at once, it cannot sign in, and enabling lets it sign in again', async () => {
    const learner = await registerLearner(app);
    const second = await call(app, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: learner.email, password: learner.password },
    });
    expect(second.statusCode).toBe(200);
    const res = await patch(learner.user.id, { disabled: true });
    expect(ZUpdateUserResponse.parse(res.json())).toMatchObject({ user: { disabledAt: expect.any(String) }, revokedSessions: 2 });
    expect((await call(app, { url: '/api/me', cookie: learner.cookie })).statusCode).toBe(401);
    const login = await call(app, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: learner.email, password: learner.password },
    });
    expect(login.statusCode).toBe(403);
    expect(errorOf(login).code).toBe('account_disabled');
    const wrongPassword = await call(app, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: learner.email, password: 'not the password' },
    });
    expect(errorOf(wrongPassword).code).toBe('invalid_credentials');

    expect(ZUpdateUserResponse.parse((await patch(learner.user.id, { disabled: false })).json()).user.disabledAt).toBeNull();
    expect((await call(app, { url: '/api/me', cookie: learner.cookie })).statusCode).toBe(401);
    const again = await call(app, {
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: learner.email, password: learner.password },
    });
    expect(again.statusCode).toBe(200);
    expect((await auditOf(learner.user.id)).map((e) => e.action)).toEqual(['user.enabled', 'user.disabled']);
  });

  it('records nothing when nothing changes', async () => {
    const learner = await registerLearner(app);
    expect((await patch(learner.user.id, { role: 'learner', disabled: false })).statusCode).toBe(200);
    expect(await auditOf(learner.user.id)).toEqual([]);
  });

  it('refuses an admin changing their own account, an unknown id, a bad body, and learners', async () => {
    const self = await patch(admin.user.id, { disabled: true });
    expect(self.statusCode).toBe(409);
    expect(errorOf(self).code).toBe('conflict');
    expect((await call(app, { url: '/api/me', cookie: admin.cookie })).statusCode).toBe(200);
    expect((await patch(randomUUID(), { role: 'admin' })).statusCode).toBe(404);
    const badId = await patch('not-a-uuid', { role: 'admin' });
    expect(badId.statusCode).toBe(400);
    expect((errorOf(badId).details as { path: string }[]).map((d) => d.path)).toEqual(['param.id']);
    const empty = await patch(randomUUID(), {});
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty).message).toContain('give role, disabled or both');
    const learner = await signInAs(app, 'learner');
    expect((await patch(learner.user.id, { role: 'admin' }, learner.cookie)).statusCode).toBe(403);
  });
});
