import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import {
  ZListProblemsQuery,
  ZProblemSlugParams,
  ZSaveDraftRequest,
  type TListProblemsQuery,
  type TListProblemsResponse,
  type TNextHintResponse,
  type TProblemPage,
  type TProblemSlugParams,
  type TRevealResponse,
  type TSaveDraftRequest,
  type TSaveDraftResponse,
  type TUser,
} from '@prep/contracts';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { CurrentUser, SessionGuard } from '../auth/session.guard';
import { ProblemsService } from './problems.service';

const slugPipe = new ZodValidationPipe(ZProblemSlugParams);

@Controller('problems')
@UseGuards(SessionGuard)
export class ProblemsController {
  constructor(private readonly problems: ProblemsService) {}

  @Get()
  list(
    @CurrentUser() user: TUser,
    @Query(new ZodValidationPipe(ZListProblemsQuery)) query: TListProblemsQuery,
  ): Promise<TListProblemsResponse> {
    return this.problems.list(user.id, query);
  }

  @Get(':slug')
  page(@CurrentUser() user: TUser, @Param(slugPipe) { slug }: TProblemSlugParams): Promise<TProblemPage> {
    return this.problems.page(user.id, slug);
  }

  @Put(':slug/draft')
  saveDraft(
    @CurrentUser() user: TUser,
    @Param(slugPipe) { slug }: TProblemSlugParams,
    @Body(new ZodValidationPipe(ZSaveDraftRequest)) body: TSaveDraftRequest,
  ): Promise<TSaveDraftResponse> {
    return this.problems.saveDraft(user.id, slug, body);
  }

  @Post(':slug/hints/next')
  @HttpCode(200)
  nextHint(@CurrentUser() user: TUser, @Param(slugPipe) { slug }: TProblemSlugParams): Promise<TNextHintResponse> {
    return this.problems.nextHint(user.id, slug);
  }

  @Post(':slug/reveal')
  @HttpCode(200)
  reveal(@CurrentUser() user: TUser, @Param(slugPipe) { slug }: TProblemSlugParams): Promise<TRevealResponse> {
    return this.problems.reveal(user.id, slug);
  }
}
