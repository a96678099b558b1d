import { newClientId, withRetry } from './client-id';

describe('newClientId', () => {
  it('is unique and acceptable as a clientReviewId', () => {
    const ids = new Set(Array.from({ length: 100 }, newClientId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[\w.:-]{8,100}$/);
  });
});

describe('withRetry', () => {
  it('repeats the same call after a network failure and stops at the first answer', async () => {
    const answers = [
      { ok: false, status: 0 },
      { ok: true, status: 200 },
    ];
    const call = jest.fn(async () => answers.shift()!);
    expect(await withRetry(call, 3, 1)).toEqual({ ok: true, status: 200 });
    expect(call).toHaveBeenCalledTimes(2);
  });

  it('does not repeat a call the server answered, even with an error', async () => {
    const call = jest.fn(async () => ({ ok: false, status: 409 }));
    expect(await withRetry(call, 3, 1)).toEqual({ ok: false, status: 409 });
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('gives up after the last attempt', async () => {
    const call = jest.fn(async () => ({ ok: false, status: 0 }));
    expect((await withRetry(call, 3, 1)).status).toBe(0);
    expect(call).toHaveBeenCalledTimes(3);
  });
});
