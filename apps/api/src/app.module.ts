import { type DynamicModule, Module } from '@nestjs/common';
import { type Clock, ClockModule } from './common/clock';
import { API_ENV, LINKS_ENV, SHARED_ENV } from './config/config.tokens';
import type { ApiEnv } from './config/env';
import { loggerModule } from './logging';
import { AccountModule } from './modules/account/account.module';
import { AdminProblemsModule } from './modules/admin-problems/admin-problems.module';
import { AdminDecksModule } from './modules/admin-decks/admin-decks.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { LearnerHttpModule } from './modules/learner-http.module';
import { PrismaModule } from './modules/prisma/prisma.module';
import { ProblemsModule } from './modules/problems/problems.module';
import { QueueModule } from './modules/queue/queue.module';
import { RemindersModule } from './modules/reminders/reminders.module';
import { SubmissionsModule } from './modules/submissions/submissions.module';
import { UsersModule } from './modules/users/users.module';

export interface AppModuleOptions {
  /** Tests pass a ManualClock. */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(env: ApiEnv, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        loggerModule(env, 'api'),
        ClockModule.forRoot(options.clock),
        PrismaModule,
        QueueModule,
        AuthModule,
        AccountModule,
        HealthModule,
        UsersModule,
        AdminProblemsModule,
        AdminDecksModule,
        RemindersModule,
        AuditModule,
        ProblemsModule,
        SubmissionsModule,
        LearnerHttpModule,
      ],
      providers: [
        { provide: API_ENV, useValue: env },
        { provide: SHARED_ENV, useValue: env },
        { provide: LINKS_ENV, useValue: env },
      ],
      exports: [API_ENV, SHARED_ENV, LINKS_ENV],
    };
  }
}
