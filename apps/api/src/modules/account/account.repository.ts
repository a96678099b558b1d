import { Injectable } from '@nestjs/common';
import type { TAccountExport } from '@prep/contracts';
import { PrismaService } from '../prisma/prisma.service';
import { RETAINED_AFTER_DELETE } from './account-export.repository';

@Injectable()
export class AccountRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findAccount(userId: string): Promise<TAccountExport['account'] | null> {
    const row = await this.prisma.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, displayName: true, role: true, createdAt: true, updatedAt: true },
    });
    return row && { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
  }

  /**
   * Deletes the user; every table that belongs to a user cascades from it (a test walks the schema to keep it so),
   * except the few RETAINED_AFTER_DELETE, whose rows lose the user's identity in the same transaction.
   */
  async deleteUser(userId: string): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      for (const retained of Object.values(RETAINED_AFTER_DELETE)) await retained.forget(tx, userId);
      const { count } = await tx.user.deleteMany({ where: { id: userId } });
      return count === 1;
    });
  }
}
