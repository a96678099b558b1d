import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** Admin view of accounts. */
@Module({ imports: [AuthModule, AuditModule], controllers: [UsersController], providers: [UsersService, UsersRepository] })
export class UsersModule {}
