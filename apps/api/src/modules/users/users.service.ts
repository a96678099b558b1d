import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  ErrorCode,
  type TAdminUserListQuery,
  type TAdminUserListResponse,
  type TUpdateUserRequest,
  type TUpdateUserResponse,
} from '@prep/contracts';
import { AppError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import type { AdminActor } from '../audit/admin-actor';
import { AuditService } from '../audit/audit.service';
import { Transactions } from '../prisma/transactions';
import { UsersRepository } from './users.repository';

/** Admin view of accounts: search, change a role, disable (sessions revoked at once) or enable. Every change is audited. */
@Injectable()
export class UsersService {
  constructor(
    private readonly repository: UsersRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  list(query: TAdminUserListQuery): Promise<TAdminUserListResponse> {
    return this.repository.list(query);
  }

  async update(actor: AdminActor, id: string, change: TUpdateUserRequest): Promise<TUpdateUserResponse> {
    if (id === actor.user.id) {
      throw new AppError(ErrorCode.Conflict, 'You cannot change your own role or disable your own account: ask another admin');
    }
    return this.transactions.run(async (tx) => {
      const before = await this.repository.findForUpdate(tx, id);
      if (!before) throw new AppError(ErrorCode.NotFound, 'No account has this id');
      let user = before;
      let revokedSessions = 0;
      const entity = { type: 'user' as const, id };
      if (change.role !== undefined && change.role !== user.role) {
        const after = await this.repository.update(tx, id, { role: change.role });
        await this.audit.record(actor, { action: AuditAction.UserRoleChanged, entity, before: user, after }, tx);
        user = after;
      }
      const disabled = user.disabledAt !== null;
      if (change.disabled !== undefined && change.disabled !== disabled) {
        const now = this.clock.now();
        const after = await this.repository.update(tx, id, { disabledAt: change.disabled ? now : null });
        if (change.disabled) revokedSessions = await this.repository.revokeSessions(tx, id, now);
        const action = change.disabled ? AuditAction.UserDisabled : AuditAction.UserEnabled;
        await this.audit.record(actor, { action, entity, before: user, after: { ...after, revokedSessions } }, tx);
        user = after;
      }
      return { user, revokedSessions };
    });
  }
}
