import { Injectable } from '@nestjs/common';
import type { LoadedContent } from '@prep/contracts';
import { EnrollmentRepository } from '../decks/enrollment.repository';
import { contentHash, toDeckItemRows, toDeckRow, toProblemRow } from './content.mapper';
import { ContentRepository, type ContentKind } from './content.repository';

export interface SyncCounts {
  created: number;
  updated: number;
  unchanged: number;
  retired: number;
}
export type SyncReport = Record<'decks' | 'problems' | 'cards', SyncCounts>;

/** Upserts file content into Postgres. Idempotent: safe on every start; it never deletes anything. */
@Injectable()
export class ContentSyncService {
  constructor(
    private readonly repository: ContentRepository,
    private readonly enrollments: EnrollmentRepository,
  ) {}

  async sync(content: LoadedContent): Promise<SyncReport> {
    const report: SyncReport = {
      decks: await this.syncKind(
        'deck',
        content.decks.map((d) => ({ id: d.slug, row: toDeckRow(d) })),
        (row, hash) => this.repository.upsertDeck(row, hash),
      ),
      problems: await this.syncKind(
        'problem',
        content.problems.map((p) => ({ id: p.slug, row: toProblemRow(p) })),
        (row, hash) => this.repository.upsertProblem(row, hash),
      ),
      cards: await this.syncKind(
        'card',
        content.cards.map((c) => ({ id: c.id, row: c })),
        (row, hash) => this.repository.upsertCard(row, hash),
      ),
    };
    await this.repository.replaceDeckItems(
      content.decks.map((d) => d.slug),
      toDeckItemRows(content),
    );
    // Learners' queues follow the content: new items of enrolled decks, retired items out.
    await this.enrollments.reconcileWithContent(new Date());
    return report;
  }

  private async syncKind<R>(
    kind: ContentKind,
    items: { id: string; row: R }[],
    upsert: (row: R, hash: string) => Promise<void>,
  ): Promise<SyncCounts> {
    const stored = await this.repository.hashes(kind);
    const counts: SyncCounts = { created: 0, updated: 0, unchanged: 0, retired: 0 };
    for (const { id, row } of items) {
      const hash = contentHash(row);
      const existing = stored.get(id);
      stored.delete(id);
      if (existing && existing.hash === hash && !existing.retired) {
        counts.unchanged++;
        continue;
      }
      await upsert(row, hash);
      counts[existing ? 'updated' : 'created']++;
    }
    const gone = [...stored].filter(([, v]) => !v.retired).map(([id]) => id);
    await this.repository.retire(kind, gone, new Date());
    counts.retired = gone.length;
    return counts;
  }
}
