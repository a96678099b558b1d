import { Module } from '@nestjs/common';
import { AdminBootstrap } from './admin-account';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { SessionGuard } from './session.guard';
import { SignInThrottle } from './sign-in-throttle';

@Module({
  controllers: [AuthController],
  providers: [AuthService, AuthRepository, SessionGuard, SignInThrottle, AdminBootstrap],
  exports: [AuthService, SessionGuard],
})
export class AuthModule {}
