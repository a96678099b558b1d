import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ErrorCode, SESSION_COOKIE, type TRole, type TUser } from '@prep/contracts';
import { AppError } from '../../common/app-error';
import { AuthService, type Caller } from './auth.service';

type AuthedRequest = FastifyRequest & { user?: TUser; sessionId?: string };

const ROLES = 'roles';
/** Restricts a route to these roles; others get 403. Use with SessionGuard. */
export const Roles = (...roles: TRole[]) => SetMetadata(ROLES, roles);

/** Requires a live session; puts the user on the request for @CurrentUser(). */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const caller = await this.auth.callerForToken(request.cookies?.[SESSION_COOKIE]);
    if (!caller) throw new AppError(ErrorCode.Unauthenticated, 'Sign in first');
    const roles = this.reflector.getAllAndOverride<TRole[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (roles && !roles.includes(caller.user.role)) throw new AppError(ErrorCode.Forbidden, 'This needs an admin account');
    request.user = caller.user;
    request.sessionId = caller.sessionId;
    return true;
  }
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): TUser => {
  const user = context.switchToHttp().getRequest<AuthedRequest>().user;
  if (!user) throw new AppError(ErrorCode.Unauthenticated, 'Sign in first');
  return user;
});

/** The signed-in user and the session of this request (for routes about sessions). */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const { user, sessionId } = context.switchToHttp().getRequest<AuthedRequest>();
  if (!user || !sessionId) throw new AppError(ErrorCode.Unauthenticated, 'Sign in first');
  return { user, sessionId };
});
