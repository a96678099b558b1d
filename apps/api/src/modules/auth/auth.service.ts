import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type TLoginRequest, type TRegisterRequest, type TUser } from '@prep/contracts';
import { AppError } from '../../common/app-error';
import { API_ENV } from '../../config/config.tokens';
import type { ApiEnv } from '../../config/env';
import { AuthRepository } from './auth.repository';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { hashSessionToken, newSessionToken } from './session-token';

export interface SessionContext {
  userAgent?: string;
  ip?: string;
}

export interface IssuedSession {
  user: TUser;
  token: string;
  expiresAt: Date;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly repository: AuthRepository,
    @Inject(API_ENV) private readonly env: ApiEnv,
  ) {}

  async register(input: TRegisterRequest, context: SessionContext): Promise<IssuedSession> {
    if (await this.repository.findCredentials(input.email)) {
      throw new AppError(ErrorCode.EmailTaken, 'An account with this email already exists', [
        { path: 'body.email', message: 'is already registered' },
      ]);
    }
    const user = await this.repository
      .createUser({ email: input.email, passwordHash: await hashPassword(input.password), displayName: input.displayName })
      .catch((e: unknown) => {
        // Two registrations racing for one email: the unique index decides.
        if ((e as { code?: string }).code === 'P2002')
          throw new AppError(ErrorCode.EmailTaken, 'An account with this email already exists');
        throw e;
      });
    return this.issueSession(user, context);
  }

  async login(input: TLoginRequest, context: SessionContext): Promise<IssuedSession> {
    const found = await this.repository.findCredentials(input.email);
    const valid = await verifyPassword(found?.passwordHash ?? (await dummyPasswordHash()), input.password);
    if (!found || !valid) throw new AppError(ErrorCode.InvalidCredentials, 'Email or password is wrong');
    if (found.disabled) throw new AppError(ErrorCode.AccountDisabled, 'This account has been disabled by an admin');
    return this.issueSession(found.user, context);
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.repository.revokeSession(hashSessionToken(token), new Date());
  }

  /** The signed-in user for a session cookie, or null when it is missing, revoked or expired. */
  async userForToken(token: string | undefined): Promise<TUser | null> {
    if (!token) return null;
    const found = await this.repository.findSessionUser(hashSessionToken(token), new Date());
    return found?.user ?? null;
  }

  private async issueSession(user: TUser, context: SessionContext): Promise<IssuedSession> {
    const token = newSessionToken();
    const expiresAt = new Date(Date.now() + this.env.SESSION_TTL_DAYS * 86_400_000);
    await this.repository.createSession({
      userId: user.id,
      tokenHash: hashSessionToken(token),
      expiresAt,
      userAgent: context.userAgent?.slice(0, 300),
      ip: context.ip,
    });
    return { user, token, expiresAt };
  }
}
