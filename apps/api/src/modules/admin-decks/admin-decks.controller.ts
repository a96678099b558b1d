import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ZAdminDeckListQuery,
  ZAdminDeckParams,
  ZCreateCardRequest,
  ZCreateDeckRequest,
  ZForkDeckRequest,
  ZImportCardsRequest,
  ZImportDeckRequest,
  ZUpdateDeckRequest,
  type TAdminCardDetail,
  type TAdminDeckDetail,
  type TAdminDeckListQuery,
  type TAdminDeckListResponse,
  type TAdminDeckParams,
  type TCreateCardRequest,
  type TCreateDeckRequest,
  type TForkDeckRequest,
  type TImportCardsRequest,
  type TImportCardsResponse,
  type TImportDeckRequest,
  type TImportDeckResponse,
  type TUpdateDeckRequest,
} from '@prep/contracts';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { Actor, type AdminActor } from '../audit/admin-actor';
import { Roles, SessionGuard } from '../auth/session.guard';
import { AdminDecksService } from './admin-decks.service';

const slugParams = new ZodValidationPipe(ZAdminDeckParams);

@Controller('admin/decks')
@UseGuards(SessionGuard)
@Roles('admin')
export class AdminDecksController {
  constructor(private readonly decks: AdminDecksService) {}

  @Get()
  list(@Query(new ZodValidationPipe(ZAdminDeckListQuery)) query: TAdminDeckListQuery): Promise<TAdminDeckListResponse> {
    return this.decks.list(query);
  }

  @Post()
  create(@Actor() actor: AdminActor, @Body(new ZodValidationPipe(ZCreateDeckRequest)) body: TCreateDeckRequest): Promise<TAdminDeckDetail> {
    return this.decks.create(actor, body);
  }

  /** Its body limit is raised in registerDeckImportBodyLimit. */
  @Post('import')
  importZip(
    @Actor() actor: AdminActor,
    @Body(new ZodValidationPipe(ZImportDeckRequest)) body: TImportDeckRequest,
  ): Promise<TImportDeckResponse> {
    return this.decks.importZip(actor, body);
  }

  @Get(':slug')
  detail(@Param(slugParams) params: TAdminDeckParams): Promise<TAdminDeckDetail> {
    return this.decks.detail(params.slug);
  }

  @Patch(':slug')
  update(
    @Actor() actor: AdminActor,
    @Param(slugParams) params: TAdminDeckParams,
    @Body(new ZodValidationPipe(ZUpdateDeckRequest)) body: TUpdateDeckRequest,
  ): Promise<TAdminDeckDetail> {
    return this.decks.update(actor, params.slug, body);
  }

  @Delete(':slug')
  @HttpCode(204)
  async remove(@Actor() actor: AdminActor, @Param(slugParams) params: TAdminDeckParams): Promise<void> {
    await this.decks.remove(actor, params.slug);
  }

  @Post(':slug/publish')
  @HttpCode(200)
  publish(@Actor() actor: AdminActor, @Param(slugParams) params: TAdminDeckParams): Promise<TAdminDeckDetail> {
    return this.decks.publish(actor, params.slug);
  }

  @Post(':slug/unpublish')
  @HttpCode(200)
  unpublish(@Actor() actor: AdminActor, @Param(slugParams) params: TAdminDeckParams): Promise<TAdminDeckDetail> {
    return this.decks.unpublish(actor, params.slug);
  }

  @Post(':slug/archive')
  @HttpCode(200)
  archive(@Actor() actor: AdminActor, @Param(slugParams) params: TAdminDeckParams): Promise<TAdminDeckDetail> {
    return this.decks.archive(actor, params.slug);
  }

  @Post(':slug/fork')
  fork(
    @Actor() actor: AdminActor,
    @Param(slugParams) params: TAdminDeckParams,
    @Body(new ZodValidationPipe(ZForkDeckRequest)) body: TForkDeckRequest,
  ): Promise<TAdminDeckDetail> {
    return this.decks.fork(actor, params.slug, body);
  }

  @Get(':slug/export.zip')
  async exportZip(@Param(slugParams) params: TAdminDeckParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const bytes = await this.decks.exportZip(params.slug);
    reply.header('content-type', 'application/zip').header('content-disposition', `attachment; filename="${params.slug}.zip"`);
    return Buffer.from(bytes);
  }

  @Get(':slug/export.apkg')
  async exportApkg(@Param(slugParams) params: TAdminDeckParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const bytes = await this.decks.exportApkg(params.slug);
    reply.header('content-type', 'application/octet-stream').header('content-disposition', `attachment; filename="${params.slug}.apkg"`);
    return Buffer.from(bytes);
  }

  @Post(':slug/cards')
  createCard(
    @Actor() actor: AdminActor,
    @Param(slugParams) params: TAdminDeckParams,
    @Body(new ZodValidationPipe(ZCreateCardRequest)) body: TCreateCardRequest,
  ): Promise<TAdminCardDetail> {
    return this.decks.createCard(actor, params.slug, body);
  }

  @Post(':slug/cards/import')
  @HttpCode(200)
  importCards(
    @Actor() actor: AdminActor,
    @Param(slugParams) params: TAdminDeckParams,
    @Body(new ZodValidationPipe(ZImportCardsRequest)) body: TImportCardsRequest,
  ): Promise<TImportCardsResponse> {
    return this.decks.importCards(actor, params.slug, body);
  }
}
