import { Body, Controller, Get, Put, UseGuards } from '@nestjs/common';
import { ZUpdateSettingsRequest, type TSettingsResponse, type TUpdateSettingsRequest, type TUser } from '@prep/contracts';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { CurrentUser, SessionGuard } from '../auth/session.guard';
import { LearnerSettingsService } from './learner-settings.service';

@Controller('settings')
@UseGuards(SessionGuard)
export class SettingsController {
  constructor(private readonly settings: LearnerSettingsService) {}

  @Get()
  async get(@CurrentUser() user: TUser): Promise<TSettingsResponse> {
    return { settings: await this.settings.get(user.id) };
  }

  @Put()
  async update(
    @CurrentUser() user: TUser,
    @Body(new ZodValidationPipe(ZUpdateSettingsRequest)) body: TUpdateSettingsRequest,
  ): Promise<TSettingsResponse> {
    return { settings: await this.settings.update(user.id, body) };
  }
}
