import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ZCreateLabSubmissionRequest,
  ZLabSlugParams,
  ZLabSubmissionIdParams,
  ZListLabSubmissionsQuery,
  ZSaveDraftRequest,
  type TCreateLabSubmissionRequest,
  type TLabPage,
  type TLabSlugParams,
  type TLabSubmissionCreated,
  type TLabSubmissionIdParams,
  type TLabSubmissionView,
  type TListLabsResponse,
  type TListLabSubmissionsQuery,
  type TListLabSubmissionsResponse,
  type TSaveDraftRequest,
  type TSaveDraftResponse,
  type TUser,
} from '@prep/contracts';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { CurrentUser, SessionGuard } from '../auth/session.guard';
import { LabSubmissionStreams } from './lab-stream';
import { LabsService } from './labs.service';

const slugPipe = new ZodValidationPipe(ZLabSlugParams);
const idPipe = new ZodValidationPipe(ZLabSubmissionIdParams);

@Controller()
@UseGuards(SessionGuard)
export class LabsController {
  constructor(
    private readonly labs: LabsService,
    private readonly streams: LabSubmissionStreams,
  ) {}

  @Get('labs')
  list(@CurrentUser() user: TUser): Promise<TListLabsResponse> {
    return this.labs.list(user.id);
  }

  @Get('labs/:slug')
  page(@CurrentUser() user: TUser, @Param(slugPipe) { slug }: TLabSlugParams): Promise<TLabPage> {
    return this.labs.page(user.id, slug);
  }

  @Put('labs/:slug/draft')
  saveDraft(
    @CurrentUser() user: TUser,
    @Param(slugPipe) { slug }: TLabSlugParams,
    @Body(new ZodValidationPipe(ZSaveDraftRequest)) body: TSaveDraftRequest,
  ): Promise<TSaveDraftResponse> {
    return this.labs.saveDraft(user.id, slug, body);
  }

  @Post('labs/:slug/submissions')
  @HttpCode(202)
  create(
    @CurrentUser() user: TUser,
    @Param(slugPipe) { slug }: TLabSlugParams,
    @Body(new ZodValidationPipe(ZCreateLabSubmissionRequest)) body: TCreateLabSubmissionRequest,
  ): Promise<TLabSubmissionCreated> {
    return this.labs.create(user.id, slug, body);
  }

  @Get('labs/:slug/submissions')
  history(
    @CurrentUser() user: TUser,
    @Param(slugPipe) { slug }: TLabSlugParams,
    @Query(new ZodValidationPipe(ZListLabSubmissionsQuery)) query: TListLabSubmissionsQuery,
  ): Promise<TListLabSubmissionsResponse> {
    return this.labs.history(user.id, slug, query);
  }

  @Get('lab-submissions/:id')
  view(@CurrentUser() user: TUser, @Param(idPipe) { id }: TLabSubmissionIdParams): Promise<TLabSubmissionView> {
    return this.labs.view(user.id, id);
  }

  @Get('lab-submissions/:id/events')
  async events(
    @CurrentUser() user: TUser,
    @Param(idPipe) { id }: TLabSubmissionIdParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const header = request.headers['last-event-id'];
    const status = await this.labs.statusOf(user.id, id); // 404 as JSON, before the stream starts
    reply.hijack();
    reply.raw.setHeader('x-request-id', request.id);
    await this.streams.serve(user.id, id, status, Array.isArray(header) ? header[0] : header, reply.raw);
  }
}
