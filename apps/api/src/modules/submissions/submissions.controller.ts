import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ZCreateSubmissionRequest,
  ZListSubmissionsQuery,
  ZProblemSlugParams,
  ZSubmissionIdParams,
  type TCreateSubmissionRequest,
  type TListSubmissionsQuery,
  type TListSubmissionsResponse,
  type TProblemSlugParams,
  type TSubmissionCreated,
  type TSubmissionIdParams,
  type TSubmissionView,
  type TUser,
} from '@prep/contracts';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { CurrentUser, SessionGuard } from '../auth/session.guard';
import { SubmissionStreams } from './submission-stream';
import { SubmissionsService } from './submissions.service';

const slugPipe = new ZodValidationPipe(ZProblemSlugParams);
const idPipe = new ZodValidationPipe(ZSubmissionIdParams);

@Controller()
@UseGuards(SessionGuard)
export class SubmissionsController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly streams: SubmissionStreams,
  ) {}

  @Post('problems/:slug/submissions')
  @HttpCode(202)
  create(
    @CurrentUser() user: TUser,
    @Param(slugPipe) { slug }: TProblemSlugParams,
    @Body(new ZodValidationPipe(ZCreateSubmissionRequest)) body: TCreateSubmissionRequest,
  ): Promise<TSubmissionCreated> {
    return this.submissions.create(user.id, slug, body);
  }

  @Get('problems/:slug/submissions')
  history(
    @CurrentUser() user: TUser,
    @Param(slugPipe) { slug }: TProblemSlugParams,
    @Query(new ZodValidationPipe(ZListSubmissionsQuery)) query: TListSubmissionsQuery,
  ): Promise<TListSubmissionsResponse> {
    return this.submissions.history(user.id, slug, query);
  }

  @Get('submissions/:id')
  view(@CurrentUser() user: TUser, @Param(idPipe) { id }: TSubmissionIdParams): Promise<TSubmissionView> {
    return this.submissions.view(user.id, id);
  }

  @Get('submissions/:id/events')
  async events(
    @CurrentUser() user: TUser,
    @Param(idPipe) { id }: TSubmissionIdParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const header = request.headers['last-event-id'];
    const status = await this.submissions.statusOf(user.id, id); // 404 as JSON, before the stream starts
    reply.hijack();
    reply.raw.setHeader('x-request-id', request.id);
    await this.streams.serve(user.id, id, status, Array.isArray(header) ? header[0] : header, reply.raw);
  }
}
