import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { TReadyResponse } from '@prep/contracts';
import { SHARED_ENV } from '../../config/config.tokens';
import type { CliEnv } from '../../config/env';
import { createProbeConnection } from '../queue/redis';
import { HealthRepository } from './health.repository';
import { localMigrationNames } from './migrations-dir';

type Check = TReadyResponse['checks']['postgres'];

async function timed(run: () => Promise<string | void>): Promise<Check> {
  const started = performance.now();
  try {
    const message = await run();
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10, ...(message ? { message } : {}) };
  } catch (e) {
    return { ok: false, message: (e as Error).message.split('\n')[0] };
  }
}

/** Readiness: Postgres and Redis answer, and every migration in prisma/migrations is applied. Shared by API and worker. */
@Injectable()
export class HealthService implements OnModuleDestroy {
  private readonly redis;
  private readonly expectedMigrations = localMigrationNames();

  constructor(
    private readonly repository: HealthRepository,
    @Inject(SHARED_ENV) env: CliEnv,
  ) {
    this.redis = createProbeConnection(env.REDIS_URL);
  }

  async readiness(): Promise<TReadyResponse> {
    const [postgres, redis, migrations] = await Promise.all([
      timed(() => this.repository.ping()),
      timed(async () => {
        if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
        await this.redis.ping();
      }),
      timed(async () => {
        const applied = new Set(await this.repository.appliedMigrations());
        const pending = this.expectedMigrations.filter((m) => !applied.has(m));
        if (pending.length) throw new Error(`pending migrations: ${pending.join(', ')} (run npm run db:migrate)`);
        return `${applied.size} applied`;
      }),
    ]);
    const ready = postgres.ok && redis.ok && migrations.ok;
    return { status: ready ? 'ready' : 'not_ready', checks: { postgres, redis, migrations } };
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }
}
