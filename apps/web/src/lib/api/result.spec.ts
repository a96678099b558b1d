import { z } from 'zod';
import { isUnavailable, readResponse } from './result';

const ZThing = z.object({ id: z.string() });

describe('readResponse', () => {
  it('parses a 2xx body with the contract schema', async () => {
    expect(await readResponse(Response.json({ id: 'a' }), ZThing)).toEqual({ ok: true, status: 200, data: { id: 'a' } });
  });

  it('accepts an empty 204 when no body is expected', async () => {
    expect(await readResponse(new Response(null, { status: 204 }), null)).toEqual({ ok: true, status: 204, data: undefined });
  });

  it('refuses a 2xx body that breaks the contract instead of passing it on', async () => {
    const result = await readResponse(Response.json({ id: 1 }), ZThing);
    expect(result).toMatchObject({ ok: false, status: 200, code: 'bad_response' });
  });

  it('reads the API error shape, details included', async () => {
    const body = { error: { code: 'not_found', message: 'No such deck', details: { slug: 'x' } } };
    expect(await readResponse(Response.json(body, { status: 404 }), ZThing)).toEqual({
      ok: false,
      status: 404,
      code: 'not_found',
      message: 'No such deck',
      details: { slug: 'x' },
    });
  });

  it('describes a proxy error page as the service being unavailable', async () => {
    const result = await readResponse(new Response('<html>Bad gateway</html>', { status: 502 }), ZThing);
    expect(result).toMatchObject({ ok: false, code: 'service_unavailable' });
    if (!result.ok) expect(isUnavailable(result)).toBe(true);
  });

  it('does not call a 4xx an outage', async () => {
    const result = await readResponse(Response.json({ error: { code: 'conflict', message: 'x' } }, { status: 409 }), ZThing);
    if (result.ok) throw new Error('expected a failure');
    expect(isUnavailable(result)).toBe(false);
  });
});
