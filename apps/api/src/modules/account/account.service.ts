import { Injectable } from '@nestjs/common';
import { ACCOUNT_EXPORT_VERSION, ErrorCode, type TAccountExport, type TDeleteAccountRequest } from '@prep/contracts';
import { AppError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { AuthService, type Caller } from '../auth/auth.service';
import { AccountExportRepository } from './account-export.repository';
import { AccountRepository } from './account.repository';

@Injectable()
export class AccountService {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountRepository,
    private readonly exports: AccountExportRepository,
    private readonly clock: Clock,
  ) {}

  /** Deletes the caller's account and all their data, once their password confirms it. */
  async deleteAccount(caller: Caller, input: TDeleteAccountRequest, ip: string): Promise<void> {
    await this.auth.confirmPassword(caller.user, input.password, ip, 'body.password');
    if (!(await this.accounts.deleteUser(caller.user.id))) throw new AppError(ErrorCode.NotFound, 'No such account');
  }

  async exportData(caller: Caller): Promise<TAccountExport> {
    const account = await this.accounts.findAccount(caller.user.id);
    if (!account) throw new AppError(ErrorCode.NotFound, 'No such account');
    return {
      version: ACCOUNT_EXPORT_VERSION,
      exportedAt: this.clock.now().toISOString(),
      account,
      ...(await this.exports.readSections(caller.user.id)),
    };
  }
}
