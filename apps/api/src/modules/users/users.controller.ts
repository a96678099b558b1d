import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ZListUsersQuery, type TListUsersQuery, type TListUsersResponse } from '@prep/contracts';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { Roles, SessionGuard } from '../auth/session.guard';
import { UsersService } from './users.service';

@Controller('admin/users')
@UseGuards(SessionGuard)
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@Query(new ZodValidationPipe(ZListUsersQuery)) query: TListUsersQuery): Promise<TListUsersResponse> {
    return this.users.list(query);
  }
}
