import { Injectable } from '@nestjs/common';
import type { TSession, TUser } from '@prep/contracts';
import { PrismaService } from '../prisma/prisma.service';

const USER_SELECT = { id: true, email: true, displayName: true, role: true, createdAt: true } as const;

type UserRow = { id: string; email: string; displayName: string | null; role: 'learner' | 'admin'; createdAt: Date };

function toUser(row: UserRow): TUser {
  return { id: row.id, email: row.email, displayName: row.displayName, role: row.role, createdAt: row.createdAt.toISOString() };
}

@Injectable()
export class AuthRepository {
  constructor(private readonly prisma: PrismaService) {}

  async createUser(input: { email: string; passwordHash: string; displayName?: string; role?: 'learner' | 'admin' }): Promise<TUser> {
    return toUser(await this.prisma.user.create({ data: input, select: USER_SELECT }));
  }

  async findCredentials(email: string): Promise<{ user: TUser; passwordHash: string; disabled: boolean } | null> {
    const row = await this.prisma.user.findUnique({ where: { email }, select: { ...USER_SELECT, passwordHash: true, disabledAt: true } });
    return row ? { user: toUser(row), passwordHash: row.passwordHash, disabled: row.disabledAt !== null } : null;
  }

  async findPasswordHash(userId: string): Promise<string | null> {
    const row = await this.prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
    return row?.passwordHash ?? null;
  }

  /** Sets a new password hash and revokes every live session of the user but `keepSessionId`, in one transaction. */
  async replacePassword(userId: string, passwordHash: string, keepSessionId: string, now: Date): Promise<number> {
    const [, revoked] = await this.prisma.$transaction([
      this.prisma.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true } }),
      this.prisma.session.updateMany({
        where: { userId, revokedAt: null, expiresAt: { gt: now }, id: { not: keepSessionId } },
        data: { revokedAt: now },
      }),
    ]);
    return revoked.count;
  }

  async createSession(input: {
    userId: string;
    tokenHash: string;
    createdAt: Date;
    expiresAt: Date;
    userAgent?: string;
    ip?: string;
  }): Promise<void> {
    await this.prisma.session.create({ data: { ...input, lastUsedAt: input.createdAt }, select: { id: true } });
  }

  /**
   * The user of a live session: not revoked, not expired, and its account not disabled. Every authenticated request
   * runs this, so it is one raw statement: a Prisma model query costs several times its CPU in query compilation.
   */
  async findSessionUser(tokenHash: string, now: Date): Promise<{ sessionId: string; lastUsedAt: Date; user: TUser } | null> {
    const [row] = await this.prisma.$queryRaw<(UserRow & { sessionId: string; lastUsedAt: Date })[]>`
      SELECT s.id AS "sessionId", s."lastUsedAt", u.id, u.email, u."displayName", u.role::text AS role, u."createdAt"
      FROM "Session" s JOIN "User" u ON u.id = s."userId"
      WHERE s."tokenHash" = ${tokenHash} AND s."revokedAt" IS NULL AND s."expiresAt" > ${now} AND u."disabledAt" IS NULL
      LIMIT 1`;
    return row ? { sessionId: row.sessionId, lastUsedAt: row.lastUsedAt, user: toUser(row) } : null;
  }

  async touchSession(sessionId: string, now: Date): Promise<void> {
    await this.prisma.session.updateMany({ where: { id: sessionId, lastUsedAt: { lt: now } }, data: { lastUsedAt: now } });
  }

  /** The user's live sessions, most recently used first. */
  async listLiveSessions(userId: string, currentSessionId: string, now: Date): Promise<TSession[]> {
    const rows = await this.prisma.session.findMany({
      where: { userId, revokedAt: null, expiresAt: { gt: now } },
      orderBy: [{ lastUsedAt: 'desc' }, { createdAt: 'desc' }],
      select: { id: true, userAgent: true, ip: true, createdAt: true, lastUsedAt: true, expiresAt: true },
    });
    return rows.map((row) => ({
      id: row.id,
      current: row.id === currentSessionId,
      userAgent: row.userAgent,
      ip: row.ip,
      createdAt: row.createdAt.toISOString(),
      lastUsedAt: row.lastUsedAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
    }));
  }

  /** Revokes one live session of this user; false when the user has no such live session. */
  async revokeUserSession(userId: string, sessionId: string, now: Date): Promise<boolean> {
    const { count } = await this.prisma.session.updateMany({
      where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    return count === 1;
  }

  async revokeSession(tokenHash: string, now: Date): Promise<void> {
    await this.prisma.session.updateMany({ where: { tokenHash, revokedAt: null }, data: { revokedAt: now } });
  }

  /** Revokes every live session of the user; returns how many. */
  async revokeAllSessions(userId: string, now: Date): Promise<number> {
    const { count } = await this.prisma.session.updateMany({
      where: { userId, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    return count;
  }
}
