import { execFileSync } from 'node:child_process';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { registeredRoutes } from '../src/common/route-table';
import { call } from './support/api-client';
import { startTestHttpApp } from './support/http-app';

let app: NestFastifyApplication;
beforeAll(async () => {
  app = await startTestHttpApp();
});
afterAll(async () => {
  await app.close();
});

/** Routes that are not part of the JSON API: the docs themselves and the queue dashboard's pages and assets. */
const UNDOCUMENTED = [/^\/api\/docs\b/, /^\/api\/admin\/queues\b/];

describe('the OpenAPI document at /api/docs', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const doc = (await call(app, { url: '/api/docs/json' })).body;
    // swagger-parser is ESM-only, which Jest's CommonJS runtime cannot load: validate in a child Node process.
    const script =
      "const { default: parser } = await import('@apidevtools/swagger-parser');" +
      "let text = ''; for await (const chunk of process.stdin) text += chunk;" +
      'await parser.validate(JSON.parse(text)); console.log("valid");';
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: doc, encoding: 'utf8', stdio: 'pipe' });
    expect(out.trim()).toBe('valid');
  });

  it('documents every route the API serves, with its method', async () => {
    const doc = (await call(app, { url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} /api${path}`)),
    );
    const served = registeredRoutes(app.getHttpAdapter().getInstance())
      .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS' && !UNDOCUMENTED.some((re) => re.test(r.url)))
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect([...new Set(served)].filter((route) => !documented.has(route)).sort()).toEqual([]);
  });
});
