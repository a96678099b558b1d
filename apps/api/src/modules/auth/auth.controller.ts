import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  SESSION_COOKIE,
  ZChangePasswordRequest,
  ZLoginRequest,
  ZRegisterRequest,
  ZSessionIdParams,
  type TChangePasswordRequest,
  type TLoginRequest,
  type TMeResponse,
  type TRegisterRequest,
  type TRevokedSessionsResponse,
  type TSessionIdParams,
  type TSessionListResponse,
  type TUser,
} from '@prep/contracts';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { API_ENV } from '../../config/config.tokens';
import type { ApiEnv } from '../../config/env';
import { AuthService, type Caller, type IssuedSession } from './auth.service';
import { clearSessionCookie, sessionCookieOptions } from './session-cookie';
import { CurrentCaller, CurrentUser, SessionGuard } from './session.guard';

@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(API_ENV) private readonly env: ApiEnv,
  ) {}

  @Post('auth/register')
  @HttpCode(201)
  async register(
    @Body(new ZodValidationPipe(ZRegisterRequest)) body: TRegisterRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TMeResponse> {
    return this.startSession(reply, await this.auth.register(body, this.context(request)));
  }

  @Post('auth/login')
  @HttpCode(200)
  async login(
    @Body(new ZodValidationPipe(ZLoginRequest)) body: TLoginRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TMeResponse> {
    return this.startSession(reply, await this.auth.login(body, this.context(request)));
  }

  @Post('auth/logout')
  @HttpCode(204)
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(request.cookies?.[SESSION_COOKIE]);
    clearSessionCookie(reply, this.env);
  }

  @Post('auth/logout-all')
  @HttpCode(200)
  @UseGuards(SessionGuard)
  async logoutEverywhere(
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TRevokedSessionsResponse> {
    const revoked = await this.auth.logoutEverywhere(caller);
    clearSessionCookie(reply, this.env);
    return revoked;
  }

  @Post('auth/password')
  @HttpCode(200)
  @UseGuards(SessionGuard)
  changePassword(
    @CurrentCaller() caller: Caller,
    @Body(new ZodValidationPipe(ZChangePasswordRequest)) body: TChangePasswordRequest,
    @Req() request: FastifyRequest,
  ): Promise<TRevokedSessionsResponse> {
    return this.auth.changePassword(caller, body, request.ip);
  }

  @Get('auth/sessions')
  @UseGuards(SessionGuard)
  listSessions(@CurrentCaller() caller: Caller): Promise<TSessionListResponse> {
    return this.auth.listSessions(caller);
  }

  @Delete('auth/sessions/:id')
  @HttpCode(204)
  @UseGuards(SessionGuard)
  async revokeSession(
    @CurrentCaller() caller: Caller,
    @Param(new ZodValidationPipe(ZSessionIdParams)) params: TSessionIdParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.revokeSession(caller, params.id);
    if (params.id === caller.sessionId) clearSessionCookie(reply, this.env);
  }

  @Get('me')
  @UseGuards(SessionGuard)
  me(@CurrentUser() user: TUser): TMeResponse {
    return { user };
  }

  private startSession(reply: FastifyReply, session: IssuedSession): TMeResponse {
    reply.setCookie(SESSION_COOKIE, session.token, { ...sessionCookieOptions(this.env), expires: session.expiresAt });
    return { user: session.user };
  }

  private context(request: FastifyRequest) {
    return { userAgent: request.headers['user-agent'], ip: request.ip };
  }
}
