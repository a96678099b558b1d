import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ZAuditPage, type TAuditEvent } from '@prep/contracts';
import { ManualClock } from '../src/common/clock';
import { call, errorOf, registerLearner, signInAs, type TSignedIn } from './support/api-client';
import { startTestHttpApp } from './support/http-app';

let app: NestFastifyApplication;
let admin: TSignedIn;
let other: TSignedIn;
const clock = new ManualClock('2030-05-01T09:00:00.000Z');
const learners: string[] = [];

beforeAll(async () => {
  app = await startTestHttpApp({ clock });
  admin = await signInAs(app, 'admin');
  other = await signInAs(app, 'admin');
  // Five changes a day apart: two by `admin`, three by `other`; the last two in the same millisecond.
  for (let i = 0; i < 5; i++) learners.push((await registerLearner(app)).user.id);
  const changes: [TSignedIn, string, unknown][] = [
    [admin, learners[0]!, { role: 'admin' }],
    [other, learners[1]!, { disabled: true }],
    [admin, learners[2]!, { role: 'admin' }],
    [other, learners[3]!, { disabled: true }],
    [other, learners[4]!, { role: 'admin' }],
  ];
  for (const [i, [actor, id, payload]] of changes.entries()) {
    if (i < 4) clock.advance(86_400_000);
    const res = await call(app, { method: 'PATCH', url: `/api/admin/users/${id}`, payload, cookie: actor.cookie });
    if (res.statusCode !== 200) throw new Error(res.body);
  }
});
afterAll(async () => {
  await app.close();
});

async function page(query: string): Promise<{ events: TAuditEvent[]; nextCursor: string | null }> {
  const res = await call(app, { url: `/api/admin/audit?${query}`, cookie: admin.cookie });
  if (res.statusCode !== 200) throw new Error(res.body);
  return ZAuditPage.parse(res.json());
}
const mine = (events: TAuditEvent[]) => events.filter((e) => learners.includes(e.entity.id));

describe('GET /api/admin/audit', () => {
  it('answers 401 without a session and 403 to a learner', async () => {
    expect((await call(app, { url: '/api/admin/audit' })).statusCode).toBe(401);
    expect((await call(app, { url: '/api/admin/audit', cookie: (await signInAs(app, 'learner')).cookie })).statusCode).toBe(403);
  });

  it('pages newest first without skipping or repeating events that share a time', async () => {
    const seen: TAuditEvent[] = [];
    let cursor: string | null = null;
    do {
      const next: { events: TAuditEvent[]; nextCursor: string | null } = await page(
        `limit=2&from=2030-05-01T00:00:00Z${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...next.events);
      cursor = next.nextCursor;
    } while (cursor);
    const order = mine(seen).map((e) => e.entity.id);
    // The two newest share a millisecond: their order is by id, so compare them as a set.
    expect(order.slice(0, 2).sort()).toEqual([learners[3], learners[4]].sort());
    expect(order.slice(2)).toEqual([learners[2], learners[1], learners[0]]);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
  });

  it('filters by actor, action, entity and time range', async () => {
    expect(mine((await page(`actorId=${admin.user.id}`)).events).map((e) => e.entity.id)).toEqual([learners[2], learners[0]]);
    expect(mine((await page('action=user.disabled')).events).map((e) => e.entity.id)).toEqual([learners[3], learners[1]]);
    expect((await page(`entityType=user&entityId=${learners[4]}`)).events).toMatchObject([
      { action: 'user.role_changed', actor: { id: other.user.id } },
    ]);
    const range = await page('from=2030-05-03T00:00:00Z&to=2030-05-05T00:00:00Z');
    expect(mine(range.events).map((e) => [e.entity.id, e.at])).toEqual([
      [learners[2], '2030-05-04T09:00:00.000Z'],
      [learners[1], '2030-05-03T09:00:00.000Z'],
    ]);
  });

  it('rejects a forged cursor and a backwards range, naming the field', async () => {
    const forged = await call(app, { url: '/api/admin/audit?cursor=bm90LWEtY3Vyc29y', cookie: admin.cookie });
    expect(forged.statusCode).toBe(400);
    expect(errorOf(forged).details).toEqual([{ path: 'query.cursor', message: expect.any(String) }]);
    const backwards = await call(app, { url: '/api/admin/audit?from=2030-05-05T00:00:00Z&to=2030-05-01T00:00:00Z', cookie: admin.cookie });
    expect((errorOf(backwards).details as { path: string }[]).map((d) => d.path)).toEqual(['query.from']);
  });
});
