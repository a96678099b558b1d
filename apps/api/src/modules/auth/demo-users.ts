import type { TRole } from '@prep/contracts';
import type { AuthRepository } from './auth.repository';
import { hashPassword } from './password';

/** Local-only accounts printed by `npm start`, so a newcomer can look around at once. */
export const DEMO_USERS: { email: string; password: string; displayName: string; role: TRole }[] = [
  { email: 'demo@example.com', password: 'demo-password-1', displayName: 'Demo Learner', role: 'learner' },
  { email: 'admin@example.com', password: 'admin-password-1', displayName: 'Demo Admin', role: 'admin' },
];

export async function seedDemoUsers(repository: AuthRepository): Promise<string[]> {
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
