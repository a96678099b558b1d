import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  SESSION_COOKIE,
  ZLoginRequest,
  ZRegisterRequest,
  type TLoginRequest,
  type TMeResponse,
  type TRegisterRequest,
  type TUser,
} from '@prep/contracts';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { API_ENV } from '../../config/config.tokens';
import type { ApiEnv } from '../../config/env';
import { AuthService, type IssuedSession } from './auth.service';
import { CurrentUser, SessionGuard } from './session.guard';

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
    reply.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  @Get('me')
  @UseGuards(SessionGuard)
  me(@CurrentUser() user: TUser): TMeResponse {
    return { user };
  }

  private startSession(reply: FastifyReply, session: IssuedSession): TMeResponse {
    reply.setCookie(SESSION_COOKIE, session.token, { ...this.cookieOptions(), expires: session.expiresAt });
    return { user: session.user };
  }

  private cookieOptions() {
    return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: this.env.WEB_ORIGIN.startsWith('https:') };
  }

  private context(request: FastifyRequest) {
    return { userAgent: request.headers['user-agent'], ip: request.ip };
  }
}
