import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ZItemIdParams,
  ZKnownRequest,
  ZResetRequest,
  ZSetDueRequest,
  type TItemActionResponse,
  type TItemDetailResponse,
  type TItemIdParams,
  type TKnownRequest,
  type TResetRequest,
  type TSetDueRequest,
  type TUser,
} from '@prep/contracts';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { CurrentUser, SessionGuard } from '../auth/session.guard';
import { ItemsService } from './items.service';

const ItemId = () => Param(new ZodValidationPipe(ZItemIdParams));

@Controller('items')
@UseGuards(SessionGuard)
export class ItemsController {
  constructor(private readonly items: ItemsService) {}

  @Get(':itemId')
  detail(@CurrentUser() user: TUser, @ItemId() params: TItemIdParams): Promise<TItemDetailResponse> {
    return this.items.detail(user.id, params.itemId);
  }

  @Post(':itemId/suspend')
  @HttpCode(200)
  suspend(@CurrentUser() user: TUser, @ItemId() params: TItemIdParams): Promise<TItemActionResponse> {
    return this.items.suspend(user.id, params.itemId);
  }

  @Post(':itemId/unsuspend')
  @HttpCode(200)
  unsuspend(@CurrentUser() user: TUser, @ItemId() params: TItemIdParams): Promise<TItemActionResponse> {
    return this.items.unsuspend(user.id, params.itemId);
  }

  @Post(':itemId/bury')
  @HttpCode(200)
  bury(@CurrentUser() user: TUser, @ItemId() params: TItemIdParams): Promise<TItemActionResponse> {
    return this.items.bury(user.id, params.itemId);
  }

  @Post(':itemId/unbury')
  @HttpCode(200)
  unbury(@CurrentUser() user: TUser, @ItemId() params: TItemIdParams): Promise<TItemActionResponse> {
    return this.items.unbury(user.id, params.itemId);
  }

  @Post(':itemId/reset')
  @HttpCode(200)
  reset(
    @CurrentUser() user: TUser,
    @ItemId() params: TItemIdParams,
    @Body(new ZodValidationPipe(ZResetRequest.optional())) body: TResetRequest | undefined,
  ): Promise<TItemActionResponse> {
    return this.items.reset(user.id, params.itemId, body ?? { resetCounts: false });
  }

  @Post(':itemId/set-due')
  @HttpCode(200)
  setDue(
    @CurrentUser() user: TUser,
    @ItemId() params: TItemIdParams,
    @Body(new ZodValidationPipe(ZSetDueRequest)) body: TSetDueRequest,
  ): Promise<TItemActionResponse> {
    return this.items.setDue(user.id, params.itemId, body);
  }

  @Post(':itemId/known')
  @HttpCode(200)
  known(
    @CurrentUser() user: TUser,
    @ItemId() params: TItemIdParams,
    @Body(new ZodValidationPipe(ZKnownRequest)) body: TKnownRequest,
  ): Promise<TItemActionResponse> {
    return this.items.known(user.id, params.itemId, body);
  }
}
