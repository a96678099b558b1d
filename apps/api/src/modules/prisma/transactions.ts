import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from './prisma.service';

/** A transaction's client: services pass it, unopened, to repositories (only they run queries on it). */
export type Tx = Prisma.TransactionClient;

/** Runs a unit of work in one database transaction, so a change and its audit event commit or roll back together. */
@Injectable()
export class Transactions {
  constructor(private readonly prisma: PrismaService) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }
}
