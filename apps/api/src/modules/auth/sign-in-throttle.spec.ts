import { blockSeconds, describeWait, slowdownMs } from './sign-in-throttle';

describe('sign-in throttle arithmetic', () => {
  it('adds no delay up to the free failures, then 250 ms doubling, capped', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => slowdownMs(n, 2, 2000))).toEqual([0, 0, 0, 250, 500, 1000, 2000]);
    expect(slowdownMs(1_000, 2, 2000)).toBe(2000);
    expect(slowdownMs(9, 2, 0)).toBe(0);
  });

  it('blocks for the base time at the limit, doubling with each further failure, up to 15 minutes', () => {
    expect([5, 6, 7, 8].map((n) => blockSeconds(n, 5, 60))).toEqual([60, 120, 240, 480]);
    expect(blockSeconds(12, 5, 60)).toBe(900);
    expect(blockSeconds(1_000, 5, 60)).toBe(900);
    // A base longer than 15 minutes is itself the cap.
    expect(blockSeconds(9, 5, 3600)).toBe(3600);
  });

  it('says how long to wait in words', () => {
    expect(describeWait(200)).toBe('1 second');
    expect(describeWait(1500)).toBe('2 seconds');
    expect(describeWait(60_000)).toBe('1 minute');
    expect(describeWait(61_000)).toBe('2 minutes');
  });
});
