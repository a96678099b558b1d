import { Controller, Get, UseGuards } from '@nestjs/common';
import type { TStatsResponse, TUser } from '@prep/contracts';
import { CurrentUser, SessionGuard } from '../auth/session.guard';
import { StatsService } from './stats.service';

@Controller('stats')
@UseGuards(SessionGuard)
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  get(@CurrentUser() user: TUser): Promise<TStatsResponse> {
    return this.stats.get(user.id);
  }
}
