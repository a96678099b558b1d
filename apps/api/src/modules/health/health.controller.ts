import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { THealthResponse, TReadyResponse } from '@prep/contracts';
import { HealthService } from './health.service';

@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('health')
  liveness(): THealthResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  async readiness(@Res({ passthrough: true }) reply: FastifyReply): Promise<TReadyResponse> {
    const result = await this.health.readiness();
    reply.status(result.status === 'ready' ? 200 : 503);
    return result;
  }
}
