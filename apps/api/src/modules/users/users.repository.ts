import { Injectable } from '@nestjs/common';
import type { TAdminUser, TAdminUserListQuery, TRole } from '@prep/contracts';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../prisma/prisma.service';
import type { Tx } from '../prisma/transactions';

const ADMIN_USER_SELECT = { id: true, email: true, displayName: true, role: true, createdAt: true, disabledAt: true } as const;
type AdminUserRow = Prisma.UserGetPayload<{ select: typeof ADMIN_USER_SELECT }>;

function toAdminUser(row: AdminUserRow): TAdminUser {
  return { ...row, createdAt: row.createdAt.toISOString(), disabledAt: row.disabledAt?.toISOString() ?? null };
}

@Injectable()
export class UsersRepository {
  constructor(private readonly prisma: PrismaService) {}

  async list(query: TAdminUserListQuery): Promise<{ users: TAdminUser[]; total: number }> {
    const where: Prisma.UserWhereInput = {
      role: query.role,
      ...(query.status === undefined ? {} : { disabledAt: query.status === 'disabled' ? { not: null } : null }),
      ...(query.q
        ? { OR: [{ email: { contains: query.q, mode: 'insensitive' } }, { displayName: { contains: query.q, mode: 'insensitive' } }] }
        : {}),
    };
    const [rows, total] = await this.prisma.$transaction([
      this.prisma.user.findMany({
        select: ADMIN_USER_SELECT,
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take: query.limit,
        skip: query.offset,
      }),
      this.prisma.user.count({ where }),
    ]);
    return { users: rows.map(toAdminUser), total };
  }

  /** The account, locked for the rest of the transaction so concurrent changes to it apply one after the other. */
  async findForUpdate(tx: Tx, id: string): Promise<TAdminUser | null> {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) return null;
    return toAdminUser(await tx.user.findUniqueOrThrow({ where: { id }, select: ADMIN_USER_SELECT }));
  }

  async update(tx: Tx, id: string, data: { role?: TRole; disabledAt?: Date | null }): Promise<TAdminUser> {
    return toAdminUser(await tx.user.update({ where: { id }, data, select: ADMIN_USER_SELECT }));
  }

  /** Revokes every live session of the account; returns how many. */
  async revokeSessions(tx: Tx, userId: string, now: Date): Promise<number> {
    const { count } = await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    return count;
  }
}
