import { Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  ZDeckItemsQuery,
  ZDeckParams,
  type TDeckDetailResponse,
  type TDeckItemsQuery,
  type TDeckListResponse,
  type TDeckParams,
  type TEnrollResponse,
  type TUser,
} from '@prep/contracts';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { CurrentUser, SessionGuard } from '../auth/session.guard';
import { DecksService } from './decks.service';

@Controller('decks')
@UseGuards(SessionGuard)
export class DecksController {
  constructor(private readonly decks: DecksService) {}

  @Get()
  list(@CurrentUser() user: TUser): Promise<TDeckListResponse> {
    return this.decks.list(user.id);
  }

  @Get(':slug')
  detail(
    @CurrentUser() user: TUser,
    @Param(new ZodValidationPipe(ZDeckParams)) params: TDeckParams,
    @Query(new ZodValidationPipe(ZDeckItemsQuery)) query: TDeckItemsQuery,
  ): Promise<TDeckDetailResponse> {
    return this.decks.detail(user.id, params.slug, query);
  }

  @Post(':slug/enroll')
  @HttpCode(200)
  enroll(@CurrentUser() user: TUser, @Param(new ZodValidationPipe(ZDeckParams)) params: TDeckParams): Promise<TEnrollResponse> {
    return this.decks.enroll(user.id, params.slug);
  }

  @Delete(':slug/enroll')
  unenroll(@CurrentUser() user: TUser, @Param(new ZodValidationPipe(ZDeckParams)) params: TDeckParams): Promise<TEnrollResponse> {
    return this.decks.unenroll(user.id, params.slug);
  }
}
