import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestLine, requestId, usePrettyLogs } from './logging';

describe('logging', () => {
  it('is pretty for a terminal and JSON otherwise, unless LOG_FORMAT says which', () => {
    expect(usePrettyLogs('auto', { isTTY: true })).toBe(true);
    expect(usePrettyLogs('auto', { isTTY: undefined })).toBe(false);
    expect(usePrettyLogs('json', { isTTY: true })).toBe(false);
    expect(usePrettyLogs('pretty', { isTTY: undefined })).toBe(true);
  });

  it('sums a request up in one short line', () => {
    const line = requestLine({ method: 'GET', url: '/api/me' } as IncomingMessage, { statusCode: 401 } as ServerResponse, 3.4);
    expect(line).toBe('GET /api/me 401 3ms');
  });

  it('keeps a sane caller request id and replaces anything else', () => {
    expect(requestId('trace-123')).toBe('trace-123');
    expect(requestId('bad id with spaces')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
