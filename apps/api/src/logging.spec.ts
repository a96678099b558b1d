import type { IncomingMessage, ServerResponse } from 'node:http';
import { redactTokens, requestLine, requestId, usePrettyLogs } from './logging';

describe('logging', () => {
  it('is pretty for a terminal and JSON otherwise, unless LOG_FORMAT says which', () => {
    expect(usePrettyLogs('auto', { isTTY: true })).toBe(true);
    expect(usePrettyLogs('auto', { isTTY: undefined })).toBe(false);
    expect(usePrettyLogs('json', { isTTY: true })).toBe(false);
    expect(usePrettyLogs('pretty', { isTTY: undefined })).toBe(true);
  });

  it("sums a request up in one short line, without a signed link's token", () => {
    const line = requestLine({ method: 'GET', url: '/api/me' } as IncomingMessage, { statusCode: 401 } as ServerResponse, 3.4);
    expect(line).toBe('GET /api/me 401 3ms');
    const link = { method: 'GET', url: '/api/reminders/unsubscribe?token=abc.def' } as IncomingMessage;
    expect(requestLine(link, { statusCode: 200 } as ServerResponse, 1)).toBe('GET /api/reminders/unsubscribe?token=[redacted] 200 1ms');
  });

  it('keeps a sane caller request id and replaces anything else', () => {
    expect(requestId('trace-123')).toBe('trace-123');
    expect(requestId('bad id with spaces')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('redactTokens', () => {
  it('keeps the route and drops signed-link tokens from logged URLs', () => {
    expect(redactTokens('/api/reminders/unsubscribe?token=abc.def')).toBe('/api/reminders/unsubscribe?token=[redacted]');
    expect(redactTokens('/x?a=1&token=abc&b=2')).toBe('/x?a=1&token=[redacted]&b=2');
    expect(redactTokens('/api/me?notatoken=1')).toBe('/api/me?notatoken=1');
  });
});
