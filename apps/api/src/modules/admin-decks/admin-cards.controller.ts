import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, UseGuards } from '@nestjs/common';
import {
  ZAdminCardParams,
  ZAdminCardVersionParams,
  ZUpdateCardRequest,
  type TAdminCardDetail,
  type TAdminCardParams,
  type TAdminCardVersionParams,
  type TDeleteCardResponse,
  type TUpdateCardRequest,
} from '@prep/contracts';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { Actor, type AdminActor } from '../audit/admin-actor';
import { Roles, SessionGuard } from '../auth/session.guard';
import { AdminDecksService } from './admin-decks.service';

const idParams = new ZodValidationPipe(ZAdminCardParams);

@Controller('admin/cards')
@UseGuards(SessionGuard)
@Roles('admin')
export class AdminCardsController {
  constructor(private readonly decks: AdminDecksService) {}

  @Get(':id')
  detail(@Param(idParams) params: TAdminCardParams): Promise<TAdminCardDetail> {
    return this.decks.card(params.id);
  }

  @Patch(':id')
  update(
    @Actor() actor: AdminActor,
    @Param(idParams) params: TAdminCardParams,
    @Body(new ZodValidationPipe(ZUpdateCardRequest)) body: TUpdateCardRequest,
  ): Promise<TAdminCardDetail> {
    return this.decks.updateCard(actor, params.id, body);
  }

  @Delete(':id')
  remove(@Actor() actor: AdminActor, @Param(idParams) params: TAdminCardParams): Promise<TDeleteCardResponse> {
    return this.decks.removeCard(actor, params.id);
  }

  @Post(':id/versions/:number/restore')
  @HttpCode(200)
  restore(
    @Actor() actor: AdminActor,
    @Param(new ZodValidationPipe(ZAdminCardVersionParams)) params: TAdminCardVersionParams,
  ): Promise<TAdminCardDetail> {
    return this.decks.restoreCard(actor, params.id, params.number);
  }
}
