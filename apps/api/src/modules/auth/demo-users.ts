import type { TRole } from '@prep/contracts';
import type { CliEnv } from '../../config/env';
import type { AuthRepository } from './auth.repository';
import { hashPassword } from './password';

/** Local-only accounts printed by `npm start`, so a newcomer can look around at once. Never in production. */
export const DEMO_USERS: { email: string; password: string; displayName: string; role: TRole }[] = [
  { email: 'demo@example.com', password: 'demo-password-1', displayName: 'Demo Learner', role: 'learner' },
  { email: 'admin@example.com', password: 'admin-password-1', displayName: 'Demo Admin', role: 'admin' },
];

/** Creates the missing demo accounts and returns their emails; null (and nothing created) when NODE_ENV=production. */
export async function seedDemoUsers(repository: AuthRepository, nodeEnv: CliEnv['NODE_ENV']): Promise<string[] | null> {
  if (nodeEnv === 'production') return null;
  const created: string[] = [];
  for (const user of DEMO_USERS) {
    if (await repository.findCredentials(user.email)) continue;
    await repository.createUser({
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      passwordHash: await hashPassword(user.password),
    });
    created.push(user.email);
  }
  return created;
}
