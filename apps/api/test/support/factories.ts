import { randomUUID } from 'node:crypto';
import type { TRegisterRequest } from '@prep/contracts';

export function buildRegistration(overrides: Partial<TRegisterRequest> = {}): TRegisterRequest {
  return { email: `learner-${randomUUID()}@example.com`, password: 'correct horse battery', ...overrides };
}
