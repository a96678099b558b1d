import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ZPassword } from '@prep/contracts';

/** Shipped with the API (see its header for where it comes from); the same path from src/ and dist/. */
export const COMMON_PASSWORDS_FILE = path.resolve(__dirname, '../../../assets/common-passwords.txt');

let common: ReadonlySet<string> | undefined;

/** The 10,000 most common passwords, lowercased, read once. */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(COMMON_PASSWORDS_FILE, 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return common;
}

/**
 * Why a new password is refused, or null when it is fine: the contract's length bounds (10 to 256 characters,
 * nothing trimmed or truncated) and not one of the 10,000 most common passwords, in any letter case.
 */
export function passwordProblem(password: string): string | null {
  const parsed = ZPassword.safeParse(password);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'is not an acceptable password';
  if (commonPasswords().has(password.toLowerCase())) return 'is one of the 10,000 most common passwords; choose a less common one';
  return null;
}
