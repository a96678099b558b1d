import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createQueue } from '../queue/redis';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import IORedis from 'ioredis';
import { AuditAction, ErrorCode, LabQueueName, QUEUE_DASHBOARD_PATH, QueueName, SESSION_COOKIE, type TUser } from '@prep/contracts';
import { AppError } from '../../common/app-error';
import { SELF_ONLY_PAGE_CSP } from '../../common/page-csp';
import { API_ENV } from '../../config/config.tokens';
import type { ApiEnv } from '../../config/env';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';

/** Set on every response under the dashboard, after any app-wide policy, which is stricter than its pages need. */
export const QUEUE_DASHBOARD_CSP = SELF_ONLY_PAGE_CSP;

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every queue named in the contracts: the main worker's and the lab pool's. */
const DASHBOARD_QUEUES: readonly string[] = [...Object.values(QueueName), ...Object.values(LabQueueName)];

function reject(reply: FastifyReply, error: AppError): FastifyReply {
  return reply.status(error.status).header('content-type', 'application/json; charset=utf-8').send(error.toResponse());
}

/** The queue a dashboard API request is about (`.../api/queues/<name>/...`), or `all`. */
function queueOf(url: string): string {
  const match = /\/api\/queues\/([^/?]+)/.exec(url.slice(QUEUE_DASHBOARD_PATH.length));
  return match ? decodeURIComponent(match[1]!) : 'all';
}

/**
 * Bull Board under /api/admin/queues for admins only: every route under it (page, JSON API, static assets) answers
 * 401 without a session and 403 to a learner, before the board sees the request. It shows every queue named in the
 * contracts (QueueName and LabQueueName), and each change made through it (retry, promote, remove, clean, pause, ...) is audited.
 * Registered as its own Fastify plugin, so the app's other plugins (cookies, security headers) stay independent.
 */
export async function registerQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const env = app.get<ApiEnv>(API_ENV);
  const auth = app.get(AuthService);
  const audit = app.get(AuditService);
  // Its own connection (BullMQ connects its queues at once), closed with the app.
  const connection = new IORedis(env.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: true });
  const queues = DASHBOARD_QUEUES.map((name) => createQueue(name, connection, env.QUEUE_PREFIX));
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Recall Prep queues' } },
  });
  const admins = new WeakMap<FastifyRequest, TUser>();

  const dashboard: FastifyPluginAsync = async (scope) => {
    scope.addHook('onRequest', async (request, reply) => {
      const user = await auth.userForToken(request.cookies?.[SESSION_COOKIE]);
      if (!user) return reject(reply, new AppError(ErrorCode.Unauthenticated, 'Sign in first'));
      if (user.role !== 'admin') return reject(reply, new AppError(ErrorCode.Forbidden, 'This needs an admin account'));
      admins.set(request, user);
    });
    // Audited before the response leaves (not in onResponse), so a client that sees the change succeed also finds
    // it in the audit log.
    scope.addHook('onSend', async (request, reply, payload) => {
      reply.header('content-security-policy', QUEUE_DASHBOARD_CSP);
      const user = admins.get(request);
      if (!user || !MUTATING.has(request.method) || reply.statusCode >= 400) return payload;
      await audit.record(
        { user, requestId: typeof request.id === 'string' ? request.id : null },
        {
          action: AuditAction.QueueChanged,
          entity: { type: 'queue', id: queueOf(request.url) },
          before: null,
          after: { method: request.method, path: request.url.slice(QUEUE_DASHBOARD_PATH.length) },
        },
      );
      return payload;
    });
    scope.addHook('onClose', async () => {
      // A queue still connecting when it is closed rejects its start-up with an error nobody listens to any more:
      // let every queue finish connecting (or fail to) first.
      await Promise.allSettled(queues.map((q) => q.waitUntilReady()));
      await Promise.all(queues.map((q) => q.close()));
      await connection.quit().catch(() => connection.disconnect());
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  };
  await app.register(dashboard);
}
