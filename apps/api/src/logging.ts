import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger, LogFn } from 'pino';
import pretty from 'pino-pretty';
import type { CliEnv } from './config/env';

/** Nest's start-up chatter (one line per module and per route) is debug, not info. */
const START_UP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);
const INFO = 30;

/** pretty for a terminal, JSON otherwise; `auto` asks whether stdout is a terminal (scripts/start.sh decides for npm start). */
export function usePrettyLogs(format: CliEnv['LOG_FORMAT'], stdout: { isTTY?: boolean } = process.stdout): boolean {
  return format === 'pretty' || (format === 'auto' && stdout.isTTY === true);
}

/** `GET /api/me 200 3ms`: the one line a request leaves (a signed link's token never). */
export function requestLine(req: IncomingMessage, res: ServerResponse, responseTimeMs: number): string {
  return `${req.method ?? '?'} ${redactTokens(req.url ?? '?')} ${res.statusCode} ${Math.round(responseTimeMs)}ms`;
}

/**
 * Logs of the api and the worker: JSON lines (with request ids, the caller's x-request-id when sane, echoed back)
 * for machines, or short coloured lines when a person reads a terminal (LOG_FORMAT).
 */
export function loggerModule(env: Pick<CliEnv, 'LOG_LEVEL' | 'LOG_FORMAT'>, service: 'api' | 'worker') {
  const options = {
    level: env.LOG_LEVEL,
    genReqId: (req: IncomingMessage) => requestId(req.headers['x-request-id']),
    redact: ['req.headers.cookie', 'res.headers["set-cookie"]', 'req.headers.authorization', 'req.query.token'],
    serializers: { req: (req: { url?: string }) => Object.assign(req, { url: req.url && redactTokens(req.url) }) },
    customProps: () => ({ service }),
    // Nest runs this middleware under the /api prefix, where req.url has lost it; originalUrl keeps it.
    autoLogging: { ignore: (req: IncomingMessage) => ((req as { originalUrl?: string }).originalUrl ?? req.url) === '/api/health' },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: requestLine,
    customErrorMessage: (req: IncomingMessage, res: ServerResponse, error: Error) => `${requestLine(req, res, 0)} ${error.message}`,
    hooks: {
      logMethod(this: Logger, args: Parameters<LogFn>, method: LogFn, level: number) {
        const context = (args[0] as { context?: unknown } | undefined)?.context;
        if (level === INFO && typeof context === 'string' && START_UP_CONTEXTS.has(context)) {
          if (this.isLevelEnabled('debug')) this.debug(...args);
          return;
        }
        method.apply(this, args);
      },
    },
  };
  const stream = usePrettyLogs(env.LOG_FORMAT)
    ? pretty({
        sync: true,
        colorize: true,
        singleLine: true,
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'pid,hostname,service,context,req,res,responseTime,reqId',
        messageFormat: '{if context}{context}: {end}{msg}',
      })
    : undefined;
  return LoggerModule.forRoot({
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: stream ? [options, stream] : options,
  });
}

export function requestId(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w.:-]{1,100}$/.test(value) ? value : randomUUID();
}

/** Signed links (unsubscribe) carry a token in the query string: logs keep the route, never the token. */
export function redactTokens(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/g, '$1[redacted]');
}
