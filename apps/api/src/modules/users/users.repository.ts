import { Injectable } from '@nestjs/common';
import type { TUser } from '@prep/contracts';
import { PrismaService } from '../prisma/prisma.service';

@Injectable()
export class UsersRepository {
  constructor(private readonly prisma: PrismaService) {}

  async list(limit: number, offset: number): Promise<{ users: TUser[]; total: number }> {
    const [rows, total] = await this.prisma.$transaction([
      this.prisma.user.findMany({
        select: { id: true, email: true, displayName: true, role: true, createdAt: true },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take: limit,
        skip: offset,
      }),
      this.prisma.user.count(),
    ]);
    return { users: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })), total };
  }
}
