import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SESSION_COOKIE, ZAccountExport, ZRevokedSessionsResponse, ZSessionListResponse, type TSession } from '@prep/contracts';
import { ManualClock } from '../src/common/clock';
import { EXPORT_SECTIONS, RETAINED_AFTER_DELETE } from '../src/modules/account/account-export.repository';
import { PrismaService } from '../src/modules/prisma/prisma.service';
import { call, errorOf, registerLearner, sessionCookie, type TResponse, type TSignedIn } from './support/api-client';
import { buildRegistration, createReminderRows, createSubmission } from './support/factories';
import { startTestHttpApp } from './support/http-app';
import { foreignKeysToUser, rowsReferencingUser } from './support/user-tables';

let app: NestFastifyApplication;
let prisma: PrismaService;
const clock = new ManualClock(new Date());

beforeAll(async () => {
  app = await startTestHttpApp({ clock });
  prisma = app.get(PrismaService);
});
afterAll(async () => {
  await app.close();
});

const signIn = async (user: TSignedIn, headers: Record<string, string> = {}) =>
  sessionCookie(
    await call(app, { method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password }, headers }),
  );
const me = (cookie: string) => call(app, { url: '/api/me', cookie });
const sessionsOf = async (cookie: string): Promise<TSession[]> =>
  ZSessionListResponse.parse((await call(app, { url: '/api/auth/sessions', cookie })).json()).sessions;
const clearsCookie = (res: TResponse) =>
  res.cookies.some((c) => c.name === SESSION_COOKIE && c.value === '' && new Date(c.expires ?? 0).getTime() <= Date.now());

describe('password policy', () => {
  const register = (password: string) => call(app, { method: 'POST', url: '/api/auth/register', payload: buildRegistration({ password }) });

  it.each(['password123', 'PassWord123', 'qwertyuiop', '1q2w3e4r5t'])(
    'refuses the common password %s, naming the field',
    async (password) => {
      const res = await register(password);
      expect(res.statusCode).toBe(400);
      expect(errorOf(res)).toMatchObject({
        code: 'validation_failed',
        details: [{ path: 'body.password', message: expect.stringMatching(/10,000 most common passwords/) }],
      });
    },
  );

  it('refuses fewer than 10 characters and more than 256, accepts 10, 128 and 256', async () => {
    expect(errorOf(await register('nine char')).details).toEqual([{ path: 'body.password', message: 'must be at least 10 characters' }]);
    expect((await register('x'.repeat(257))).statusCode).toBe(400);
    for (const length of [10, 128, 256])
      expect((await register(`${randomUUID()}${'y'.repeat(256)}`.slice(0, length))).statusCode).toBe(201);
  });

  it('never truncates: a long password differing only in its last character does not sign in', async () => {
    const password = `${randomUUID()}-${'z'.repeat(200)}`;
    const user = await registerLearner(app, { password });
    for (const guess of [`${password.slice(0, -1)}!`, password.slice(0, 72), password.slice(0, 128)]) {
      const res = await call(app, { method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: guess } });
      expect(res.statusCode).toBe(401);
    }
    expect((await call(app, { method: 'POST', url: '/api/auth/login', payload: { email: user.email, password } })).statusCode).toBe(200);
  });
});

describe('change password', () => {
  const change = (cookie: string, payload: unknown) => call(app, { method: 'POST', url: '/api/auth/password', cookie, payload });

  it('needs the current password and an acceptable new one, each error naming its field', async () => {
    const user = await registerLearner(app);
    const wrong = await change(user.cookie, { currentPassword: 'not my password', newPassword: 'a fresh passphrase' });
    expect(wrong.statusCode).toBe(400);
    expect(errorOf(wrong).details).toEqual([{ path: 'body.currentPassword', message: 'is not your current password' }]);
    const common = await change(user.cookie, { currentPassword: user.password, newPassword: 'Password123' });
    expect(errorOf(common).details).toEqual([{ path: 'body.newPassword', message: expect.stringMatching(/most common/) }]);
    const short = await change(user.cookie, { currentPassword: user.password, newPassword: 'short' });
    expect((errorOf(short).details as { path: string }[]).map((d) => d.path)).toEqual(['body.newPassword']);
    expect((await change('', { currentPassword: user.password, newPassword: 'a fresh passphrase' })).statusCode).toBe(401);
  });

  it('signs out every other session, keeps this one, and only the new password works afterwards', async () => {
    const user = await registerLearner(app);
    const other = await signIn(user);
    const res = await change(user.cookie, { currentPassword: user.password, newPassword: 'a fresh passphrase' });
    expect(res.statusCode).toBe(200);
    expect(ZRevokedSessionsResponse.parse(res.json())).toEqual({ revokedSessions: 1 });
    expect((await me(user.cookie)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    const login = (password: string) => call(app, { method: 'POST', url: '/api/auth/login', payload: { email: user.email, password } });
    expect((await login(user.password)).statusCode).toBe(401);
    expect((await login('a fresh passphrase')).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('signs out everywhere, this session included', async () => {
    const user = await registerLearner(app);
    const other = await signIn(user);
    const res = await call(app, { method: 'POST', url: '/api/auth/logout-all', cookie: user.cookie });
    expect(res.statusCode).toBe(200);
    expect(ZRevokedSessionsResponse.parse(res.json())).toEqual({ revokedSessions: 2 });
    expect(clearsCookie(res)).toBe(true);
    expect((await me(user.cookie)).statusCode).toBe(401);
    expect((await me(other)).statusCode).toBe(401);
  });

  it('lists my live sessions with the current one marked, its device, address and times', async () => {
    const user = await registerLearner(app, {}, { 'user-agent': 'Laptop Firefox', 'x-forwarded-for': '203.0.113.10' });
    clock.advance(5 * 60_000);
    const phone = await signIn(user, { 'user-agent': 'Phone Safari', 'x-forwarded-for': '203.0.113.20' });
    const revoked = await signIn(user);
    await call(app, { method: 'POST', url: '/api/auth/logout', cookie: revoked });

    const sessions = await sessionsOf(phone);
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({ current: true, userAgent: 'Phone Safari', ip: '203.0.113.20' });
    expect(sessions[1]).toMatchObject({ current: false, userAgent: 'Laptop Firefox', ip: '203.0.113.10' });
    expect(Date.parse(sessions[0]!.createdAt) - Date.parse(sessions[1]!.createdAt)).toBe(5 * 60_000);

    // Last use moves with use (written at most once a minute).
    const laptopBefore = sessions[1]!.lastUsedAt;
    clock.advance(2 * 60_000);
    await me(user.cookie);
    const laptopAfter = (await sessionsOf(phone)).find((s) => s.id === sessions[1]!.id)!;
    expect(laptopAfter.lastUsedAt).toBe(clock.now().toISOString());
    expect(laptopAfter.lastUsedAt).not.toBe(laptopBefore);
  });

  it('revokes one of my sessions; another user revoking it gets 404 and changes nothing', async () => {
    const user = await registerLearner(app);
    const phone = await signIn(user);
    const phoneId = (await sessionsOf(phone)).find((s) => s.current)!.id;
    const stranger = await registerLearner(app);

    const theirs = await call(app, { method: 'DELETE', url: `/api/auth/sessions/${phoneId}`, cookie: stranger.cookie });
    expect(theirs.statusCode).toBe(404);
    expect(errorOf(theirs).code).toBe('not_found');
    expect((await me(phone)).statusCode).toBe(200);

    const mine = await call(app, { method: 'DELETE', url: `/api/auth/sessions/${phoneId}`, cookie: user.cookie });
    expect(mine.statusCode).toBe(204);
    expect(clearsCookie(mine)).toBe(false);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(user.cookie)).statusCode).toBe(200);
    expect((await call(app, { method: 'DELETE', url: `/api/auth/sessions/${phoneId}`, cookie: user.cookie })).statusCode).toBe(404);
    expect((await call(app, { method: 'DELETE', url: `/api/auth/sessions/${randomUUID()}`, cookie: user.cookie })).statusCode).toBe(404);
  });

  it('revoking the current session signs it out and clears the cookie', async () => {
    const user = await registerLearner(app);
    const id = (await sessionsOf(user.cookie))[0]!.id;
    const res = await call(app, { method: 'DELETE', url: `/api/auth/sessions/${id}`, cookie: user.cookie });
    expect(res.statusCode).toBe(204);
    expect(clearsCookie(res)).toBe(true);
    expect((await me(user.cookie)).statusCode).toBe(401);
  });

  it('answers 400 naming the parameter for an id that is not a UUID, and 401 without a session', async () => {
    const user = await registerLearner(app);
    const res = await call(app, { method: 'DELETE', url: '/api/auth/sessions/not-a-uuid', cookie: user.cookie });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).details).toEqual([{ path: 'param.id', message: 'must be a session id (a UUID)' }]);
    expect((await call(app, { url: '/api/auth/sessions' })).statusCode).toBe(401);
    expect((await call(app, { method: 'POST', url: '/api/auth/logout-all' })).statusCode).toBe(401);
  });
});

describe('delete my account', () => {
  const remove = (cookie: string, payload?: unknown) => call(app, { method: 'DELETE', url: '/api/me', cookie, payload });

  it('needs my password', async () => {
    const user = await registerLearner(app);
    const wrong = await remove(user.cookie, { password: 'not my password' });
    expect(wrong.statusCode).toBe(400);
    expect(errorOf(wrong).details).toEqual([{ path: 'body.password', message: 'is not your current password' }]);
    const missing = await remove(user.cookie);
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing).code).toBe('validation_failed');
    expect((await remove('', { password: user.password })).statusCode).toBe(401);
    expect((await me(user.cookie)).statusCode).toBe(200);
  });

  it('removes me and every row of mine in every table that points at users, and nobody else’s', async () => {
    const user = await registerLearner(app);
    await signIn(user);
    await createSubmission(prisma, user.user.id);
    await createReminderRows(prisma, user.user.id);
    const other = await registerLearner(app);
    await createSubmission(prisma, other.user.id);
    const before = await rowsReferencingUser(prisma, user.user.id);
    expect(before).toMatchObject({
      'Session(userId)': 2,
      'Submission(userId)': 1,
      'ReminderPreference(userId)': 1,
      'ReminderSend(userId)': 1,
    });

    const res = await remove(user.cookie, { password: user.password });
    expect(res.statusCode).toBe(204);
    expect(clearsCookie(res)).toBe(true);
    expect(await prisma.user.findUnique({ where: { id: user.user.id } })).toBeNull();
    const after = await rowsReferencingUser(prisma, user.user.id);
    expect(Object.values(after).every((n) => n === 0)).toBe(true);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect((await me(user.cookie)).statusCode).toBe(401);
    expect(
      (await call(app, { method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } })).statusCode,
    ).toBe(401);

    expect(await rowsReferencingUser(prisma, other.user.id)).toMatchObject({ 'Session(userId)': 1, 'Submission(userId)': 1 });
  });

  it('keeps an admin’s audit events after the account goes, without the admin’s identity', async () => {
    const admin = await registerLearner(app);
    const event = await prisma.auditEvent.create({
      data: {
        at: new Date(),
        actorId: admin.user.id,
        actorEmail: admin.email,
        action: 'deck.published',
        entityType: 'deck',
        entityId: 'd1',
      },
    });
    expect((await remove(admin.cookie, { password: admin.password })).statusCode).toBe(204);
    const kept = await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(kept).toMatchObject({ actorId: null, action: 'deck.published', entityId: 'd1' });
    expect(JSON.stringify(kept)).not.toContain(admin.email);
  });

  it('every table that holds a user’s rows is deleted with the user (ON DELETE CASCADE all the way down)', async () => {
    const keys = await foreignKeysToUser(prisma);
    expect(keys.map((k) => k.table)).toEqual(expect.arrayContaining(['Session', 'Submission']));
    // Nothing may block the delete...
    const blocking = keys.filter((k) => k.onDelete === 'NO ACTION' || k.onDelete === 'RESTRICT');
    expect(blocking.map((k) => `${k.table}.${k.name} is ON DELETE ${k.onDelete}`)).toEqual([]);
    // ...tables kept on purpose lose the user's identity (SET NULL plus `forget`)...
    const retained = keys.filter((k) => k.table in RETAINED_AFTER_DELETE);
    expect(retained.map((k) => `${k.table}:${k.onDelete}`)).toEqual(Object.keys(RETAINED_AFTER_DELETE).map((t) => `${t}:SET NULL`));
    // ...and every such table must go with the user through cascades (SET NULL alone would leave its rows behind).
    const deleted = new Set(['User']);
    for (let grew = true; grew;) {
      grew = false;
      for (const k of keys) {
        if (k.onDelete === 'CASCADE' && deleted.has(k.references) && !deleted.has(k.table)) grew = Boolean(deleted.add(k.table));
      }
    }
    expect([...new Set(keys.map((k) => k.table))].filter((table) => !deleted.has(table) && !(table in RETAINED_AFTER_DELETE))).toEqual([]);
  });
});

describe('export my data', () => {
  it('holds my account, sessions and submissions, and nothing of anyone else', async () => {
    const user = await registerLearner(app, { displayName: 'Exporter' }, { 'user-agent': 'Export Agent' });
    await signIn(user);
    const mine = await createSubmission(prisma, user.user.id, 'function mine() {}');
    const { sendId } = await createReminderRows(prisma, user.user.id);
    const other = await registerLearner(app);
    await createSubmission(prisma, other.user.id, 'function theirs() {}');
    const theirs = await createReminderRows(prisma, other.user.id);

    const res = await call(app, { url: '/api/me/export', cookie: user.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    expect(res.headers['cache-control']).toBe('no-store');
    const data = ZAccountExport.parse(res.json());
    expect(data.account).toMatchObject({ id: user.user.id, email: user.email, displayName: 'Exporter', role: 'learner' });
    expect(data.sessions).toHaveLength(2);
    expect(data.sessions).toContainEqual(expect.objectContaining({ userAgent: 'Export Agent', revokedAt: null }));
    const sessionIds = (await prisma.session.findMany({ where: { userId: user.user.id }, select: { id: true } })).map((s) => s.id);
    expect(data.sessions.map((s) => s.id).sort()).toEqual(sessionIds.sort());
    expect(data.submissions).toEqual([expect.objectContaining({ id: mine.id, code: 'function mine() {}', verdict: 'accepted' })]);
    expect(data.reminderPreferences).toEqual([expect.objectContaining({ enabled: true, minuteOfDay: 510 })]);
    expect(data.reminderSends).toEqual([
      expect.objectContaining({ id: sendId, localDate: '2026-03-08', timezone: 'America/New_York', status: 'sent' }),
    ]);

    const text = res.body;
    for (const secret of ['passwordHash', 'tokenHash', 'argon2', other.email, other.user.id, 'function theirs', theirs.sendId]) {
      expect(text).not.toContain(secret);
    }
    expect((await call(app, { url: '/api/me/export' })).statusCode).toBe(401);
  });

  it('has a section for every table that holds a user’s rows', async () => {
    const exported = new Set(Object.values(EXPORT_SECTIONS).map((section) => section.table));
    const missing = [...new Set((await foreignKeysToUser(prisma)).map((k) => k.table))].filter((table) => !exported.has(table));
    // A table listed here needs a section in ZAccountExportSections and EXPORT_SECTIONS (account-export.repository.ts).
    expect(missing).toEqual([]);
  });
});
