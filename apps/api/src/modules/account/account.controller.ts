import { Body, Controller, Delete, Get, Header, HttpCode, Inject, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZDeleteAccountRequest, type TAccountExport, type TDeleteAccountRequest } from '@prep/contracts';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { API_ENV } from '../../config/config.tokens';
import type { ApiEnv } from '../../config/env';
import type { Caller } from '../auth/auth.service';
import { clearSessionCookie } from '../auth/session-cookie';
import { CurrentCaller, SessionGuard } from '../auth/session.guard';
import { AccountService } from './account.service';

@Controller('me')
@UseGuards(SessionGuard)
export class AccountController {
  constructor(
    private readonly account: AccountService,
    @Inject(API_ENV) private readonly env: ApiEnv,
  ) {}

  @Delete()
  @HttpCode(204)
  async deleteAccount(
    @CurrentCaller() caller: Caller,
    @Body(new ZodValidationPipe(ZDeleteAccountRequest)) body: TDeleteAccountRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.account.deleteAccount(caller, body, request.ip);
    clearSessionCookie(reply, this.env);
  }

  @Get('export')
  @Header('cache-control', 'no-store')
  @Header('content-disposition', 'attachment; filename="recall-prep-export.json"')
  exportData(@CurrentCaller() caller: Caller): Promise<TAccountExport> {
    return this.account.exportData(caller);
  }
}
