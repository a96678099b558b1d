import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type TChangePasswordRequest,
  type TLoginRequest,
  type TRegisterRequest,
  type TRevokedSessionsResponse,
  type TSessionListResponse,
  type TUser,
} from '@prep/contracts';
import { AppError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { API_ENV } from '../../config/config.tokens';
import type { ApiEnv } from '../../config/env';
import { AuthRepository } from './auth.repository';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { passwordProblem } from './password-policy';
import { hashSessionToken, newSessionToken } from './session-token';
import { SignInThrottle } from './sign-in-throttle';

export interface SessionContext {
  userAgent?: string;
  ip: string;
}

export interface IssuedSession {
  user: TUser;
  token: string;
  expiresAt: Date;
}

/** The signed-in caller: who, and through which session. */
export interface Caller {
  user: TUser;
  sessionId: string;
}

/** A session's last use is written at most this often. */
const TOUCH_INTERVAL_MS = 60_000;

@Injectable()
export class AuthService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly throttle: SignInThrottle,
    private readonly clock: Clock,
    @Inject(API_ENV) private readonly env: ApiEnv,
  ) {}

  async register(input: TRegisterRequest, context: SessionContext): Promise<IssuedSession> {
    assertAcceptablePassword(input.password, 'body.password');
    await this.throttle.countRegistration(context.ip);
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
    const found = await this.throttle.attempt(input.email, context.ip, async () => {
      const credentials = await this.repository.findCredentials(input.email);
      const valid = await verifyPassword(credentials?.passwordHash ?? (await dummyPasswordHash()), input.password);
      return credentials && valid ? credentials : null;
    });
    if (!found) throw new AppError(ErrorCode.InvalidCredentials, 'Email or password is wrong');
    if (found.disabled) throw new AppError(ErrorCode.AccountDisabled, 'This account has been disabled by an admin');
    return this.issueSession(found.user, context);
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.repository.revokeSession(hashSessionToken(token), this.clock.now());
  }

  /** The caller of a session cookie, or null when it is missing, revoked or expired. */
  async callerForToken(token: string | undefined): Promise<Caller | null> {
    if (!token) return null;
    const now = this.clock.now();
    const found = await this.repository.findSessionUser(hashSessionToken(token), now);
    if (!found) return null;
    if (now.getTime() - found.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) await this.repository.touchSession(found.sessionId, now);
    return { user: found.user, sessionId: found.sessionId };
  }

  /** The signed-in user of a session cookie, or null. */
  async userForToken(token: string | undefined): Promise<TUser | null> {
    return (await this.callerForToken(token))?.user ?? null;
  }

  /** Changes the caller's password after checking the current one; signs out every other session. */
  async changePassword(caller: Caller, input: TChangePasswordRequest, ip: string): Promise<TRevokedSessionsResponse> {
    await this.confirmPassword(caller.user, input.currentPassword, ip, 'body.currentPassword');
    assertAcceptablePassword(input.newPassword, 'body.newPassword');
    const revokedSessions = await this.repository.replacePassword(
      caller.user.id,
      await hashPassword(input.newPassword),
      caller.sessionId,
      this.clock.now(),
    );
    return { revokedSessions };
  }

  async logoutEverywhere(caller: Caller): Promise<TRevokedSessionsResponse> {
    return { revokedSessions: await this.repository.revokeAllSessions(caller.user.id, this.clock.now()) };
  }

  async listSessions(caller: Caller): Promise<TSessionListResponse> {
    return { sessions: await this.repository.listLiveSessions(caller.user.id, caller.sessionId, this.clock.now()) };
  }

  /** Revokes one of the caller's live sessions; anyone else's (or an unknown) id is 404. */
  async revokeSession(caller: Caller, sessionId: string): Promise<void> {
    if (!(await this.repository.revokeUserSession(caller.user.id, sessionId, this.clock.now()))) {
      throw new AppError(ErrorCode.NotFound, 'No such session');
    }
  }

  /**
   * Re-checks a signed-in user's password (before a sensitive change), under the same throttling as sign-in;
   * a wrong one is a validation error on `path`, not a 401, so clients do not take it for a lost session.
   */
  async confirmPassword(user: TUser, password: string, ip: string, path: string): Promise<void> {
    const valid = await this.throttle.attempt(user.email, ip, async () => {
      const hash = await this.repository.findPasswordHash(user.id);
      return hash !== null && (await verifyPassword(hash, password)) ? true : null;
    });
    if (!valid) throw AppError.validation([{ path, message: 'is not your current password' }]);
  }

  private async issueSession(user: TUser, context: SessionContext): Promise<IssuedSession> {
    const token = newSessionToken();
    const createdAt = this.clock.now();
    const expiresAt = new Date(createdAt.getTime() + this.env.SESSION_TTL_DAYS * 86_400_000);
    await this.repository.createSession({
      userId: user.id,
      tokenHash: hashSessionToken(token),
      createdAt,
      expiresAt,
      userAgent: context.userAgent?.slice(0, 300),
      ip: context.ip,
    });
    return { user, token, expiresAt };
  }
}

function assertAcceptablePassword(password: string, path: string): void {
  const problem = passwordProblem(password);
  if (problem) throw AppError.validation([{ path, message: problem }]);
}
