import { Injectable } from '@nestjs/common';
import type { TListUsersQuery, TListUsersResponse } from '@prep/contracts';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(private readonly repository: UsersRepository) {}

  list(query: TListUsersQuery): Promise<TListUsersResponse> {
    return this.repository.list(query.limit, query.offset);
  }
}
