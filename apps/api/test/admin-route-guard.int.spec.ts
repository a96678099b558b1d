import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { QUEUE_DASHBOARD_PATH } from '@prep/contracts';
import { registeredRoutes } from '../src/common/route-table';
import { call, signInAs } from './support/api-client';
import { startTestHttpApp } from './support/http-app';
import { WEB_ORIGIN } from './support/test-env';

/**
 * Walks the API's route table: every route under /api/admin (the queue dashboard's page, JSON API and static assets
 * included) must answer 401 to an anonymous request and 403 to a learner, so a new admin route cannot be left open.
 */
let app: NestFastifyApplication;
beforeAll(async () => {
  app = await startTestHttpApp();
});
afterAll(async () => {
  await app.close();
});

/** A concrete URL for a route pattern: params and wildcards filled with plausible values. */
function concrete(url: string): string {
  return url.replace(/:[A-Za-z]+(\([^)]*\))?/g, (param) => (/id$/i.test(param) ? randomUUID() : 'grading')).replace(/\*$/, 'static/x.js');
}

describe('every admin route is guarded', () => {
  const adminRoutes = () =>
    registeredRoutes(app.getHttpAdapter().getInstance())
      .filter((r) => r.url.startsWith('/api/admin/') || r.url === '/api/admin')
      .filter((r) => r.method !== 'OPTIONS');

  it('finds the admin routes, the queue dashboard included', () => {
    const keys = adminRoutes().map((r) => `${r.method} ${r.url}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/admin/users',
        'PATCH /api/admin/users/:id',
        'GET /api/admin/audit',
        `GET ${QUEUE_DASHBOARD_PATH}/api/queues`,
        `PUT ${QUEUE_DASHBOARD_PATH}/api/queues/:queueName/pause`,
      ]),
    );
    expect(keys.some((k) => k.startsWith(`GET ${QUEUE_DASHBOARD_PATH}/static/`))).toBe(true);
    expect(keys.length).toBeGreaterThan(30);
  });

  it('answers 401 to anonymous requests and 403 to a learner on each', async () => {
    const learner = await signInAs(app, 'learner');
    const failures: string[] = [];
    for (const route of adminRoutes()) {
      const url = concrete(route.url);
      const method = route.method as 'GET';
      const mutating = !['GET', 'HEAD'].includes(route.method);
      const base = { method, url, ...(mutating ? { payload: {}, headers: { origin: WEB_ORIGIN } } : {}) };
      const anonymous = await call(app, base);
      const asLearner = await call(app, { ...base, cookie: learner.cookie });
      if (anonymous.statusCode !== 401 || asLearner.statusCode !== 403) {
        failures.push(`${route.method} ${route.url}: anonymous ${anonymous.statusCode}, learner ${asLearner.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
