import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import {
  ZItemIdParams,
  ZOverrideRequest,
  ZReviewNextQuery,
  ZReviewRequest,
  ZUndoRequest,
  type TItemIdParams,
  type TOverrideRequest,
  type TReviewNextQuery,
  type TReviewNextResponse,
  type TReviewRequest,
  type TReviewResponse,
  type TUndoRequest,
  type TUndoResponse,
  type TUser,
} from '@prep/contracts';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { CurrentUser, SessionGuard } from '../auth/session.guard';
import { ReviewsService } from './reviews.service';
import { StudyQueueService } from './study-queue.service';

@Controller('review')
@UseGuards(SessionGuard)
export class ReviewController {
  constructor(
    private readonly queue: StudyQueueService,
    private readonly reviews: ReviewsService,
  ) {}

  @Get('next')
  next(@CurrentUser() user: TUser, @Query(new ZodValidationPipe(ZReviewNextQuery)) query: TReviewNextQuery): Promise<TReviewNextResponse> {
    return this.queue.next(user.id, query.limit);
  }

  @Post('undo')
  @HttpCode(200)
  undo(
    @CurrentUser() user: TUser,
    @Body(new ZodValidationPipe(ZUndoRequest.optional())) body: TUndoRequest | undefined,
  ): Promise<TUndoResponse> {
    return this.reviews.undo(user.id, body ?? {});
  }

  @Post(':itemId')
  @HttpCode(200)
  rate(
    @CurrentUser() user: TUser,
    @Param(new ZodValidationPipe(ZItemIdParams)) params: TItemIdParams,
    @Body(new ZodValidationPipe(ZReviewRequest)) body: TReviewRequest,
  ): Promise<TReviewResponse> {
    return this.reviews.rate(user.id, params.itemId, body);
  }

  @Post(':itemId/override')
  @HttpCode(200)
  override(
    @CurrentUser() user: TUser,
    @Param(new ZodValidationPipe(ZItemIdParams)) params: TItemIdParams,
    @Body(new ZodValidationPipe(ZOverrideRequest)) body: TOverrideRequest,
  ): Promise<TReviewResponse> {
    return this.reviews.override(user.id, params.itemId, body);
  }
}
