import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';

/** Structured JSON logs; each request gets an id (the caller's x-request-id when sane), echoed back. */
export function loggerModule(level: string, service: 'api' | 'worker') {
  return LoggerModule.forRoot({
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level,
      genReqId: (req: IncomingMessage) => requestId(req.headers['x-request-id']),
      redact: ['req.headers.cookie', 'res.headers["set-cookie"]', 'req.headers.authorization', 'req.query.token'],
      serializers: { req: (req: { url?: string }) => Object.assign(req, { url: req.url && redactTokens(req.url) }) },
      customProps: () => ({ service }),
      autoLogging: { ignore: (req) => req.url === '/api/health' },
    },
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
