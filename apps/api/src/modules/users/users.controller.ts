import { Body, Controller, Get, Param, Patch, Query, UseGuards } from '@nestjs/common';
import {
  ZAdminUserListQuery,
  ZUpdateUserRequest,
  ZUserIdParams,
  type TAdminUserListQuery,
  type TAdminUserListResponse,
  type TUpdateUserRequest,
  type TUpdateUserResponse,
  type TUserIdParams,
} from '@prep/contracts';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { Actor, type AdminActor } from '../audit/admin-actor';
import { Roles, SessionGuard } from '../auth/session.guard';
import { UsersService } from './users.service';

@Controller('admin/users')
@UseGuards(SessionGuard)
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@Query(new ZodValidationPipe(ZAdminUserListQuery)) query: TAdminUserListQuery): Promise<TAdminUserListResponse> {
    return this.users.list(query);
  }

  @Patch(':id')
  update(
    @Actor() actor: AdminActor,
    @Param(new ZodValidationPipe(ZUserIdParams)) params: TUserIdParams,
    @Body(new ZodValidationPipe(ZUpdateUserRequest)) body: TUpdateUserRequest,
  ): Promise<TUpdateUserResponse> {
    return this.users.update(actor, params.id, body);
  }
}
