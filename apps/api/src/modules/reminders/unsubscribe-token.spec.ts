import { randomUUID } from 'node:crypto';
import { ZUnsubscribeToken } from '@prep/contracts';
import { maskEmail, signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

describe('unsubscribe token', () => {
  const userId = randomUUID();
  const token = signUnsubscribeToken(userId, SECRET);

  it('round-trips and matches the contract', () => {
    expect(verifyUnsubscribeToken(token, SECRET)).toEqual({ userId });
    expect(ZUnsubscribeToken.safeParse(token).success).toBe(true);
  });

  it('rejects a token signed with another secret', () => {
    expect(verifyUnsubscribeToken(signUnsubscribeToken(userId, `${SECRET}-other`), SECRET)).toBeNull();
  });

  it('rejects a payload swapped for another learner', () => {
    const other = signUnsubscribeToken(randomUUID(), SECRET);
    const forged = `${other.split('.')[0]}.${token.split('.')[1]}`;
    expect(verifyUnsubscribeToken(forged, SECRET)).toBeNull();
  });

  it('rejects any altered character, a truncated signature and extra parts', () => {
    for (let i = 0; i < token.length; i++) {
      if (token[i] === '.') continue;
      const altered = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      expect(verifyUnsubscribeToken(altered, SECRET)).toBeNull();
    }
    expect(verifyUnsubscribeToken(token.slice(0, -2), SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(`${token}.x`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken('', SECRET)).toBeNull();
  });

  it('masks the address it shows', () => {
    expect(maskEmail('jane.doe@example.com')).toBe('j***@example.com');
    expect(maskEmail('nonsense')).toBe('***');
  });
});
