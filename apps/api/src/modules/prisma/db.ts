import type { Prisma } from '../../generated/prisma/client';
import type { PrismaService } from './prisma.service';

/**
 * A database handle: the Prisma client, or the client of an interactive transaction (`prisma.$transaction(async (tx) => …)`).
 * Repository methods that may run inside a caller's transaction take one.
 */
export type Db = Prisma.TransactionClient | PrismaService;
