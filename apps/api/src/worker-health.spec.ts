import type { AddressInfo } from 'node:net';
import type { HealthService } from './modules/health/health.service';
import { startWorkerHealthServer } from './worker-health';

describe('worker health server', () => {
  it('listens on the configured host only and answers /health', async () => {
    const health = { readiness: async () => ({ status: 'ready' }) } as unknown as HealthService;
    const server = await startWorkerHealthServer('127.0.0.1', 0, health);
    try {
      const { address, port } = server.address() as AddressInfo;
      expect(address).toBe('127.0.0.1');
      expect(await (await fetch(`http://127.0.0.1:${port}/health`)).json()).toEqual({ status: 'ok' });
    } finally {
      server.close();
    }
  });
});
