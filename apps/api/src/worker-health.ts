import http from 'node:http';
import type { HealthService } from './modules/health/health.service';

/** A tiny HTTP endpoint for orchestrators: GET /health (alive) and GET /ready (Postgres, Redis, migrations). */
export function startWorkerHealthServer(host: string, port: number, health: HealthService): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.url === '/health') return send(200, { status: 'ok' });
    if (req.url === '/ready') {
      health
        .readiness()
        .then((r) => send(r.status === 'ready' ? 200 : 503, r))
        .catch((e: Error) => send(503, { status: 'not_ready', message: e.message }));
      return;
    }
    send(404, { error: { code: 'not_found', message: 'GET /health or /ready' } });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
