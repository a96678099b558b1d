import { readFileSync } from 'node:fs';
import { COMMON_PASSWORDS_FILE, commonPasswords, passwordProblem } from './password-policy';

describe('password policy', () => {
  it('ships the 10,000 most common passwords, most common first, and says where they come from', () => {
    expect(commonPasswords().size).toBe(10_000);
    const text = readFileSync(COMMON_PASSWORDS_FILE, 'utf8');
    expect(text).toMatch(/^# .*\n# Derived from .*@zxcvbn-ts\/language-common@[\d.]+ \(MIT license/);
    expect(text.split('\n').find((line) => !line.startsWith('#'))).toBe('123456');
  });

  it('refuses a common password in any letter case, and a short one', () => {
    expect(passwordProblem('Password123')).toMatch(/10,000 most common passwords/);
    expect(passwordProblem('QWERTYUIOP')).toMatch(/most common/);
    expect(passwordProblem('short')).toBe('must be at least 10 characters');
    expect(passwordProblem('x'.repeat(257))).toBe('must be at most 256 characters');
  });

  it('accepts an uncommon password of 10 to 256 characters, spaces and all', () => {
    expect(passwordProblem('correct horse battery')).toBeNull();
    expect(passwordProblem(' leading and trailing ')).toBeNull();
    expect(passwordProblem('ü'.repeat(256))).toBeNull();
  });
});
