import { type DynamicModule, Module } from '@nestjs/common';
import { ClockModule } from './common/clock';
import { SHARED_ENV } from './config/config.tokens';
import type { CliEnv } from './config/env';
import { AuthRepository } from './modules/auth/auth.repository';
import { ContentModule } from './modules/content/content.module';
import { PrismaModule } from './modules/prisma/prisma.module';

/** One-off tasks (content sync, demo users) with the same modules as the API. */
@Module({})
export class CliModule {
  static forRoot(env: CliEnv): DynamicModule {
    return {
      module: CliModule,
      global: true,
      imports: [ClockModule.forRoot(), PrismaModule, ContentModule],
      providers: [{ provide: SHARED_ENV, useValue: env }, AuthRepository],
      exports: [SHARED_ENV],
    };
  }
}
