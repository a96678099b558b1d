import { Injectable } from '@nestjs/common';
import type { TUser } from '@prep/contracts';
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

  async createSession(input: { userId: string; tokenHash: string; expiresAt: Date; userAgent?: string; ip?: string }): Promise<void> {
    await this.prisma.session.create({ data: input, select: { id: true } });
  }

  /** The user of a live session: not revoked, not expired, and its account not disabled. */
  async findSessionUser(tokenHash: string, now: Date): Promise<{ sessionId: string; user: TUser } | null> {
    const row = await this.prisma.session.findFirst({
      where: { tokenHash, revokedAt: null, expiresAt: { gt: now }, user: { disabledAt: null } },
      select: { id: true, user: { select: USER_SELECT } },
    });
    return row ? { sessionId: row.id, user: toUser(row.user) } : null;
  }

  async revokeSession(tokenHash: string, now: Date): Promise<void> {
    await this.prisma.session.updateMany({ where: { tokenHash, revokedAt: null }, data: { revokedAt: now } });
  }

  async revokeAllSessions(userId: string, now: Date): Promise<number> {
    const { count } = await this.prisma.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    return count;
  }
}
