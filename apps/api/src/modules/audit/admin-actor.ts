import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ErrorCode, type TUser } from '@prep/contracts';
import { AppError } from '../../common/app-error';

/** Who is making an admin change, and the request it came in (recorded in the audit log). */
export interface AdminActor {
  user: TUser;
  requestId: string | null;
}

/** The signed-in admin and the request id; use on routes guarded by SessionGuard. */
export const Actor = createParamDecorator((_: unknown, context: ExecutionContext): AdminActor => {
  const request = context.switchToHttp().getRequest<FastifyRequest & { user?: TUser }>();
  if (!request.user) throw new AppError(ErrorCode.Unauthenticated, 'Sign in first');
  return { user: request.user, requestId: typeof request.id === 'string' ? request.id : null };
});
