import { Injectable, Logger } from '@nestjs/common';
import type { LoadedContent } from '@prep/contracts';
import { EnrollmentRepository } from '../decks/enrollment.repository';
import { contentHash, toCardRow, toDeckItemRows, toDeckRow, toLinkRow, toProblemRow, type LinkRow } from './content.mapper';
import { ContentRepository, type ContentKind } from './content.repository';

export interface SyncCounts {
  created: number;
  updated: number;
  unchanged: number;
  retired: number;
}
export interface LinkSyncCounts {
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}
export type SyncReport = Record<'decks' | 'problems' | 'cards', SyncCounts> & { links: LinkSyncCounts };

/** Upserts file content into Postgres. Idempotent: safe on every start; it never deletes progress. */
@Injectable()
export class ContentSyncService {
  private readonly logger = new Logger(ContentSyncService.name);

  constructor(
    private readonly repository: ContentRepository,
    private readonly enrollments: EnrollmentRepository,
  ) {}

  async sync(files: LoadedContent): Promise<SyncReport> {
    const content = await this.withoutAuthored(files);
    const report: SyncReport = {
      decks: await this.syncKind(
        'deck',
        content.decks.map((d) => ({ id: d.slug, row: toDeckRow(d) })),
        (row, hash) => this.repository.upsertDeck(row, hash),
      ),
      problems: await this.syncKind('problem', await this.builtInProblems(content), (row, hash) =>
        this.repository.upsertProblem(row, hash),
      ),
      cards: await this.syncKind(
        'card',
        content.cards.map((c) => ({ id: c.id, row: toCardRow(c) })),
        (row, hash) => this.repository.upsertCard(row, hash),
      ),
      links: await this.syncLinks(content),
    };
    await this.repository.replaceDeckItems(
      content.decks.map((d) => d.slug),
      toDeckItemRows(content),
    );
    // Learners' queues follow the content: new items of enrolled decks, retired items out.
    await this.enrollments.reconcileWithContent(new Date());
    return report;
  }

  /** The files' problems, less any whose slug an admin has authored (that row is not content-sync's to overwrite). */
  private async builtInProblems(content: LoadedContent) {
    const authored = await this.repository.authoredProblemSlugs();
    const clashes = content.problems.filter((p) => authored.has(p.slug)).map((p) => p.slug);
    if (clashes.length) this.logger.warn({ slugs: clashes }, 'built-in problems not synced: an authored problem has their slug');
    return content.problems.filter((p) => !authored.has(p.slug)).map((p) => ({ id: p.slug, row: toProblemRow(p) }));
  }

  /**
   * The files' content minus decks and cards whose ids an admin's authored content already holds: sync owns built-in
   * rows only, so it neither overwrites nor retires authored ones (a clash is left to the admin: rename one of them).
   */
  private async withoutAuthored(content: LoadedContent): Promise<LoadedContent> {
    const [decks, cards] = await Promise.all([this.repository.authoredIds('deck'), this.repository.authoredIds('card')]);
    if (decks.size === 0 && cards.size === 0) return content;
    return {
      ...content,
      decks: content.decks.filter((d) => !decks.has(d.slug)),
      cards: content.cards.filter((c) => !cards.has(c.id) && !decks.has(c.deck)),
      links: content.links.filter((l) => !cards.has(l.card)),
    };
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

  /**
   * Makes the stored links of the synced problems and cards equal to the files' links. Links of items no longer in
   * the files are left alone: those items are retired, and reads skip retired items.
   */
  private async syncLinks(content: LoadedContent): Promise<LinkSyncCounts> {
    const key = (l: LinkRow) => `${l.problemSlug}\u0000${l.cardId}`;
    const stored = new Map(
      (
        await this.repository.linksTouching(
          content.problems.map((p) => p.slug),
          content.cards.map((c) => c.id),
        )
      ).map((l) => [key(l), l]),
    );
    const changes = { remove: [] as LinkRow[], create: [] as LinkRow[], update: [] as LinkRow[] };
    let unchanged = 0;
    for (const link of content.links.map(toLinkRow)) {
      const existing = stored.get(key(link));
      stored.delete(key(link));
      if (!existing) changes.create.push(link);
      else if (existing.conceptOrder !== link.conceptOrder || existing.practiceOrder !== link.practiceOrder) changes.update.push(link);
      else unchanged++;
    }
    changes.remove = [...stored.values()];
    await this.repository.applyLinkChanges(changes);
    return { created: changes.create.length, updated: changes.update.length, unchanged, removed: changes.remove.length };
  }
}
