import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from './prisma.service';

/** A transaction handle that services pass to repositories, so one unit of work can span several of them. */
export type Tx = Prisma.TransactionClient;
/** What a repository method runs against: the client, or a caller's transaction. */
export type Db = PrismaService | Tx;

/** Runs a unit of work in one Postgres transaction (READ COMMITTED). */
@Injectable()
export class Transactions {
  constructor(private readonly prisma: PrismaService) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { maxWait: 5_000, timeout: 15_000 });
  }
}
