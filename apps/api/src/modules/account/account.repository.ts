import { Injectable } from '@nestjs/common';
import type { TAccountExport } from '@prep/contracts';
import { PrismaService } from '../prisma/prisma.service';

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

  /** Deletes the user; every table that belongs to a user cascades from it (a test walks the schema to keep it so). */
  async deleteUser(userId: string): Promise<boolean> {
    const { count } = await this.prisma.user.deleteMany({ where: { id: userId } });
    return count === 1;
  }
}
