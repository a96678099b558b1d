import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from '@prep/contracts';
import { AppError } from './app-error';
import { Prisma } from '../generated/prisma/client';

/** Maps anything thrown to the one error shape. Unknown errors become a 500 with no internals leaked. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === 'P2002') return new AppError(ErrorCode.Conflict, 'That already exists');
    if (error.code === 'P2025') return new AppError(ErrorCode.NotFound, 'Not found');
    if (error.code === 'P2003') return new AppError(ErrorCode.ValidationFailed, 'A referenced record does not exist');
  }
  const fastifyCode = (error as { code?: unknown } | null)?.code;
  switch (fastifyCode) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(ErrorCode.MalformedJson, 'The request body is not valid JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(ErrorCode.PayloadTooLarge, 'The request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(ErrorCode.UnsupportedMediaType, 'Send the request body as application/json');
  }
  if (error instanceof SyntaxError && (error as { statusCode?: number }).statusCode === 400) {
    return new AppError(ErrorCode.MalformedJson, 'The request body is not valid JSON');
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === 400 && /JSON/i.test(error.message)) return new AppError(ErrorCode.MalformedJson, 'The request body is not valid JSON');
    if (status === 404) return new AppError(ErrorCode.NotFound, 'No such route');
    if (status === 413) return new AppError(ErrorCode.PayloadTooLarge, 'The request body is too large');
    if (status === 415) return new AppError(ErrorCode.UnsupportedMediaType, 'Send the request body as application/json');
    if (status === 401) return new AppError(ErrorCode.Unauthenticated, 'Sign in first');
    if (status === 403) return new AppError(ErrorCode.Forbidden, 'Not allowed');
    if (status >= 400 && status < 500) return new AppError(ErrorCode.ValidationFailed, error.message);
  }
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (statusCode === 413) return new AppError(ErrorCode.PayloadTooLarge, 'The request body is too large');
  if (statusCode === 415) return new AppError(ErrorCode.UnsupportedMediaType, 'Send the request body as application/json');
  if (statusCode === 400) return new AppError(ErrorCode.MalformedJson, 'The request body could not be read');
  return new AppError(ErrorCode.Internal, 'Something went wrong on our side');
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const error = toAppError(exception);
    if (error.status >= 500) this.logger.error({ err: exception, reqId: request.id }, 'unhandled error');
    if (error.retryAfterSeconds !== undefined) void reply.header('retry-after', String(error.retryAfterSeconds));
    void reply.status(error.status).header('content-type', 'application/json; charset=utf-8').send(error.toResponse());
  }
}
