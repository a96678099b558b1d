import { redactTokens } from './logging';

describe('redactTokens', () => {
  it('keeps the route and drops signed-link tokens from logged URLs', () => {
    expect(redactTokens('/api/reminders/unsubscribe?token=abc.def')).toBe('/api/reminders/unsubscribe?token=[redacted]');
    expect(redactTokens('/x?a=1&token=abc&b=2')).toBe('/x?a=1&token=[redacted]&b=2');
    expect(redactTokens('/api/me?notatoken=1')).toBe('/api/me?notatoken=1');
  });
});
