import http from 'node:http';
import type { Registry } from 'prom-client';

export interface HealthSource {
  ready: () => boolean | Promise<boolean>;
  registry: Registry;
  describe: () => Record<string, unknown>;
}

/** GET /health (alive), /ready (taking jobs, Redis reachable), /metrics (Prometheus). */
export function startHealthServer(port: number, source: HealthSource): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const send = (status: number, body: string, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    void (async () => {
      if (req.url === '/health') return send(200, JSON.stringify({ status: 'ok', ...source.describe() }));
      if (req.url === '/ready') {
        const ready = await source.ready();
        return send(ready ? 200 : 503, JSON.stringify({ status: ready ? 'ready' : 'not ready', ...source.describe() }));
      }
      if (req.url === '/metrics') return send(200, await source.registry.metrics(), source.registry.contentType);
      send(404, JSON.stringify({ error: 'not found' }));
    })().catch((e: unknown) => send(500, JSON.stringify({ error: (e as Error).message })));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve(server));
  });
}
