import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AccountExportRepository } from './account-export.repository';
import { AccountController } from './account.controller';
import { AccountRepository } from './account.repository';
import { AccountService } from './account.service';

/** The signed-in user's own account: delete it, export its data. */
@Module({
  imports: [AuthModule],
  controllers: [AccountController],
  providers: [AccountService, AccountRepository, AccountExportRepository],
})
export class AccountModule {}
