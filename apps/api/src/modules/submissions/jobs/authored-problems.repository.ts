import { Injectable } from '@nestjs/common';
import { expectedMinutesOf, type TAuthoredProblem, type TMaterializedProblem, type TMaterializedTestSet } from '@prep/contracts';
import { PrismaService } from '../../prisma/prisma.service';

export interface PublishedAuthored {
  versionId: string;
  problem: TMaterializedProblem;
  expectedMinutes: number;
}

/** Most published versions kept decoded in memory (a test set can be large; versions never change once published). */
const CACHE_SIZE = 64;

/**
 * The published version of an authored problem, as the grader needs it: its materialized tests (data made in the
 * sandbox when it was checked) and its reference (run only in the sandbox, for run-mode custom inputs).
 */
@Injectable()
export class AuthoredProblemsRepository {
  private readonly cache = new Map<string, PublishedAuthored>();

  constructor(private readonly prisma: PrismaService) {}

  /** Null when the problem is not an authored one with a published version. */
  async published(slug: string): Promise<PublishedAuthored | null> {
    const head = await this.prisma.problemVersion.findFirst({
      where: { problemSlug: slug, state: 'published', problem: { source: 'authored' } },
      select: { id: true },
    });
    if (!head) return null;
    const cached = this.cache.get(head.id);
    if (cached) return cached;
    const row = await this.prisma.problemVersion.findUnique({
      where: { id: head.id },
      select: { id: true, source: true, sourceHash: true, contentVersion: true, testSet: { select: { data: true } } },
    });
    if (!row?.testSet) return null;
    const source = row.source as unknown as TAuthoredProblem;
    // Test sets are shared by hash between versions with equal tests: this version's source hash is the one to report.
    const testSet = { ...(row.testSet.data as unknown as TMaterializedTestSet), sourceHash: row.sourceHash };
    const found: PublishedAuthored = {
      versionId: row.id,
      expectedMinutes: expectedMinutesOf(source),
      problem: {
        slug,
        version: row.contentVersion,
        functionName: source.functionName,
        signature: source.signature,
        judge: source.judge,
        limits: source.limits,
        reference: source.reference,
        testSet,
      },
    };
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(row.id, found);
    return found;
  }
}
