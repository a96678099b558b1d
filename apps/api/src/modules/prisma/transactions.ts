import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from './prisma.service';

/** A transaction's client: services pass it, unopened, to repositories (only they run queries on it). */
export type Tx = Prisma.TransactionClient;
/** What a repository method runs against: the client, or a caller's transaction. */
export type Db = PrismaService | Tx;

/**
 * Runs a unit of work in one database transaction (READ COMMITTED), so a change and what must go with it (an audit
 * event; a final verdict and its review) commit or roll back together. Under load a transaction waits for a pooled
 * connection rather than failing after Prisma's 2 s default.
 */
@Injectable()
export class Transactions {
  constructor(private readonly prisma: PrismaService) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, { maxWait: 10_000, timeout: 15_000 });
  }
}
