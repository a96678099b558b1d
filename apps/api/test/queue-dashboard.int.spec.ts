import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { LabQueueName, QUEUE_DASHBOARD_PATH, QueueName, ZAuditPage } from '@prep/contracts';
import { QUEUE_DASHBOARD_CSP } from '../src/modules/queue-dashboard/queue-dashboard';
import { call, signInAs, type TSignedIn } from './support/api-client';
import { startTestHttpApp } from './support/http-app';
import { uniqueQueuePrefix, WEB_ORIGIN } from './support/test-env';

let app: NestFastifyApplication;
let admin: TSignedIn;
beforeAll(async () => {
  app = await startTestHttpApp({ env: { QUEUE_PREFIX: uniqueQueuePrefix() } });
  admin = await signInAs(app, 'admin');
});
afterAll(async () => {
  await app.close();
});

describe('queue dashboard (Bull Board) at /api/admin/queues', () => {
  it('serves its page to an admin, with a policy that allows only its own assets', async () => {
    const page = await call(app, { url: QUEUE_DASHBOARD_PATH, cookie: admin.cookie });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toBe(QUEUE_DASHBOARD_CSP);
    const script = /src="(static\/js\/main[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const asset = await call(app, { url: `${QUEUE_DASHBOARD_PATH}/${script}`, cookie: admin.cookie });
    expect(asset.statusCode).toBe(200);
    expect((await call(app, { url: `${QUEUE_DASHBOARD_PATH}/${script}` })).statusCode).toBe(401);
  });

  it('shows every queue named in the contracts', async () => {
    const res = await call(app, {
      url: `${QUEUE_DASHBOARD_PATH}/api/queues?activeQueue=grading&status=latest&page=1`,
      cookie: admin.cookie,
    });
    expect(res.statusCode).toBe(200);
    const names = (res.json() as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
    expect(names).toEqual([...Object.values(QueueName), ...Object.values(LabQueueName)].sort());
    expect(names).toEqual(expect.arrayContaining(['grading', 'reminders', 'labs', 'labs-gpu', 'lab-results']));
  });

  it('records a change made through it in the audit log', async () => {
    const res = await call(app, {
      method: 'PUT',
      url: `${QUEUE_DASHBOARD_PATH}/api/queues/${QueueName.Grading}/pause`,
      cookie: admin.cookie,
      headers: { origin: WEB_ORIGIN },
    });
    expect(res.statusCode).toBeLessThan(300);
    await call(app, {
      method: 'PUT',
      url: `${QUEUE_DASHBOARD_PATH}/api/queues/${QueueName.Grading}/resume`,
      cookie: admin.cookie,
      headers: { origin: WEB_ORIGIN },
    });
    const audit = ZAuditPage.parse((await call(app, { url: '/api/admin/audit?action=queue.changed', cookie: admin.cookie })).json());
    expect(audit.events.slice(0, 2)).toMatchObject([
      {
        actor: { id: admin.user.id },
        entity: { type: 'queue', id: 'grading' },
        after: { method: 'PUT', path: '/api/queues/grading/resume' },
      },
      { entity: { type: 'queue', id: 'grading' }, after: { path: '/api/queues/grading/pause' } },
    ]);
  });
});
