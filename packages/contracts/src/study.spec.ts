import { itemIdOf, parseItemId, ZItemId } from './study';
import { ZReviewRequest } from './reviews';
import { ZStep, ZTimezone, ZUpdateSettingsRequest, stepMinutes } from './settings';

describe('study contracts', () => {
  it('round-trips item ids and rejects malformed ones', () => {
    expect(parseItemId(ZItemId.parse(itemIdOf('problem', 'two-sum')))).toEqual({ kind: 'problem', ref: 'two-sum' });
    for (const bad of ['card:', 'deck:x', 'card:Upper', 'card:a--b', 'problem:a/b', `card:${'a'.repeat(120)}`]) {
      expect(ZItemId.safeParse(bad).success).toBe(false);
    }
  });

  it('accepts IANA timezones only', () => {
    expect(ZTimezone.safeParse('America/New_York').success).toBe(true);
    expect(ZTimezone.safeParse('Asia/Kolkata').success).toBe(true);
    for (const bad of ['Mars/Olympus', '', 'Europe/Berlin; DROP', '+02:00', '../etc/passwd'])
      expect(ZTimezone.safeParse(bad).success).toBe(false);
  });

  it('parses steps and rejects zero, fractions and units it does not know', () => {
    expect(['1m', '10m', '1h', '2d'].map((s) => stepMinutes(ZStep.parse(s)))).toEqual([1, 10, 60, 2880]);
    for (const bad of ['0m', '1.5m', '10s', 'm', '31d']) expect(ZStep.safeParse(bad).success).toBe(false);
  });

  it('keeps retention in 0.70–0.97 and rejects unknown keys and ratings', () => {
    expect(ZUpdateSettingsRequest.safeParse({ desiredRetention: 0.69 }).success).toBe(false);
    expect(ZUpdateSettingsRequest.safeParse({ desiredRetention: 0.97 }).success).toBe(true);
    expect(ZUpdateSettingsRequest.safeParse({ colour: 'red' }).success).toBe(false);
    expect(ZReviewRequest.safeParse({ rating: 'perfect', durationMs: 1, clientReviewId: 'abcdefgh' }).success).toBe(false);
  });
});
