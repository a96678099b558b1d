import { Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import type { TOptimizationResponse, TUser } from '@prep/contracts';
import { CurrentUser, SessionGuard } from '../auth/session.guard';
import { OptimizerService } from './optimizer.service';

@Controller('settings/optimize')
@UseGuards(SessionGuard)
export class OptimizerController {
  constructor(private readonly optimizer: OptimizerService) {}

  @Post()
  @HttpCode(202)
  async request(@CurrentUser() user: TUser): Promise<TOptimizationResponse> {
    return { optimization: await this.optimizer.request(user.id) };
  }

  @Get()
  async latest(@CurrentUser() user: TUser): Promise<TOptimizationResponse> {
    return { optimization: await this.optimizer.latest(user.id) };
  }
}
