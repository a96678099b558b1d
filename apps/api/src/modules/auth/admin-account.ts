import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { TRole } from '@prep/contracts';
import { API_ENV } from '../../config/config.tokens';
import type { ApiEnv } from '../../config/env';
import { AuthRepository } from './auth.repository';
import { hashPassword } from './password';
import { passwordProblem } from './password-policy';

export type AdminCreation = { created: true } | { created: false; existingRole: TRole };

/**
 * Creates an admin account unless one with this email exists, in which case nothing changes (never overwritten,
 * never promoted). The password must pass the same policy as a learner's.
 */
export async function createAdminUnlessExists(repository: AuthRepository, email: string, password: string): Promise<AdminCreation> {
  const problem = passwordProblem(password);
  if (problem) throw new Error(`The admin password ${problem}`);
  const existing = await repository.findCredentials(email);
  if (existing) return { created: false, existingRole: existing.user.role };
  try {
    await repository.createUser({ email, role: 'admin', passwordHash: await hashPassword(password) });
    return { created: true };
  } catch (e) {
    // Two API processes booting at once: the unique index decides, and the other one created it.
    if ((e as { code?: string }).code !== 'P2002') throw e;
    const raced = await repository.findCredentials(email);
    return { created: false, existingRole: raced?.user.role ?? 'admin' };
  }
}

/** At boot: the first admin of a deployment from ADMIN_EMAIL / ADMIN_PASSWORD, created once. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    private readonly repository: AuthRepository,
    @Inject(API_ENV) private readonly env: ApiEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.env;
    if (!email || !password) return;
    const outcome = await createAdminUnlessExists(this.repository, email, password);
    if (outcome.created) this.logger.log(`created the admin account ${email} (ADMIN_EMAIL)`);
    else if (outcome.existingRole === 'admin') this.logger.log(`admin account ${email} (ADMIN_EMAIL) exists; left unchanged`);
    else this.logger.warn(`ADMIN_EMAIL ${email} belongs to an existing learner account; left unchanged (not promoted)`);
  }
}
