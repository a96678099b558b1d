import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import {
  ZAdminProblemListQuery,
  ZAdminProblemSlugParams,
  ZAdminProblemVersionParams,
  ZCreateAdminProblemRequest,
  ZForkAdminProblemRequest,
  ZProblemVersionDiffQuery,
  ZUpdateAdminProblemDraftRequest,
  type TAdminProblem,
  type TAdminProblemListQuery,
  type TAdminProblemListResponse,
  type TAdminProblemSlugParams,
  type TAdminProblemVersionParams,
  type TCreateAdminProblemRequest,
  type TForkAdminProblemRequest,
  type TProblemCheckStatus,
  type TProblemVersion,
  type TProblemVersionDiff,
  type TProblemVersionDiffQuery,
  type TProblemVersionListResponse,
  type TUpdateAdminProblemDraftRequest,
} from '@prep/contracts';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { Actor, type AdminActor } from '../audit/admin-actor';
import { Roles, SessionGuard } from '../auth/session.guard';
import { AdminProblemsService } from './admin-problems.service';

const slugPipe = new ZodValidationPipe(ZAdminProblemSlugParams);
const versionPipe = new ZodValidationPipe(ZAdminProblemVersionParams);

@Controller('admin/problems')
@UseGuards(SessionGuard)
@Roles('admin')
export class AdminProblemsController {
  constructor(private readonly problems: AdminProblemsService) {}

  @Get()
  list(@Query(new ZodValidationPipe(ZAdminProblemListQuery)) query: TAdminProblemListQuery): Promise<TAdminProblemListResponse> {
    return this.problems.list(query);
  }

  @Post()
  @HttpCode(201)
  create(
    @Actor() actor: AdminActor,
    @Body(new ZodValidationPipe(ZCreateAdminProblemRequest)) body: TCreateAdminProblemRequest,
  ): Promise<TAdminProblem> {
    return this.problems.create(actor, body.problem);
  }

  @Get(':slug')
  get(@Param(slugPipe) params: TAdminProblemSlugParams): Promise<TAdminProblem> {
    return this.problems.get(params.slug);
  }

  @Put(':slug/draft')
  updateDraft(
    @Actor() actor: AdminActor,
    @Param(slugPipe) params: TAdminProblemSlugParams,
    @Body(new ZodValidationPipe(ZUpdateAdminProblemDraftRequest)) body: TUpdateAdminProblemDraftRequest,
  ): Promise<TAdminProblem> {
    return this.problems.updateDraft(actor, params.slug, body.problem);
  }

  @Post(':slug/check')
  @HttpCode(202)
  check(@Actor() actor: AdminActor, @Param(slugPipe) params: TAdminProblemSlugParams): Promise<TProblemCheckStatus> {
    return this.problems.requestCheck(actor, params.slug);
  }

  @Get(':slug/check')
  checkStatus(@Param(slugPipe) params: TAdminProblemSlugParams): Promise<TProblemCheckStatus> {
    return this.problems.checkStatus(params.slug);
  }

  @Post(':slug/publish')
  @HttpCode(200)
  publish(@Actor() actor: AdminActor, @Param(slugPipe) params: TAdminProblemSlugParams): Promise<TAdminProblem> {
    return this.problems.publish(actor, params.slug);
  }

  @Post(':slug/archive')
  @HttpCode(200)
  archive(@Actor() actor: AdminActor, @Param(slugPipe) params: TAdminProblemSlugParams): Promise<TAdminProblem> {
    return this.problems.archive(actor, params.slug);
  }

  @Get(':slug/versions')
  versions(@Param(slugPipe) params: TAdminProblemSlugParams): Promise<TProblemVersionListResponse> {
    return this.problems.versions(params.slug);
  }

  @Get(':slug/versions/:n')
  version(@Param(versionPipe) params: TAdminProblemVersionParams): Promise<TProblemVersion> {
    return this.problems.version(params.slug, params.n);
  }

  @Get(':slug/versions/:n/diff')
  diff(
    @Param(versionPipe) params: TAdminProblemVersionParams,
    @Query(new ZodValidationPipe(ZProblemVersionDiffQuery)) query: TProblemVersionDiffQuery,
  ): Promise<TProblemVersionDiff> {
    return this.problems.diff(params.slug, params.n, query.against);
  }

  @Post(':slug/versions/:n/restore')
  @HttpCode(200)
  restore(@Actor() actor: AdminActor, @Param(versionPipe) params: TAdminProblemVersionParams): Promise<TAdminProblem> {
    return this.problems.restore(actor, params.slug, params.n);
  }

  @Post(':slug/fork')
  @HttpCode(201)
  fork(
    @Actor() actor: AdminActor,
    @Param(slugPipe) params: TAdminProblemSlugParams,
    @Body(new ZodValidationPipe(ZForkAdminProblemRequest)) body: TForkAdminProblemRequest,
  ): Promise<TAdminProblem> {
    return this.problems.fork(actor, params.slug, body);
  }
}
