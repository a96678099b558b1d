import { Injectable } from '@nestjs/common';
import {
  DeckAuditAction,
  ErrorCode,
  type TAdminCard,
  type TAdminCardDetail,
  type TAdminDeckDetail,
  type TAdminDeckItem,
  type TAdminDeckListQuery,
  type TAdminDeckListResponse,
  type TAdminDeckSummary,
  type TAuthoredProblemInput,
  type TCreateCardRequest,
  type TCreateDeckRequest,
  type TDeckBundleInput,
  type TDeleteCardResponse,
  type TForkDeckRequest,
  type TImportCardsRequest,
  type TImportCardsResponse,
  type TImportDeckRequest,
  type TImportDeckResponse,
  type TUpdateCardRequest,
  type TUpdateDeckRequest,
} from '@prep/contracts';
import {
  BUILT_IN_CONTENT_ROOT,
  BundleExportError,
  ankiPackage,
  exportDeckZip,
  importDeckZip,
  normalizeAuthoredProblem,
  readContentFiles,
  readProblemFiles,
  type ContentIssue,
} from '@prep/problems';
import { AppError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import type { AdminActor } from '../audit/admin-actor';
import { AuditService } from '../audit/audit.service';
import { EnrollmentRepository } from '../decks/enrollment.repository';
import { Transactions, type Tx } from '../prisma/transactions';
import { AdminDecksRepository, type CardRow, type DeckRow, type NewCard } from './admin-decks.repository';
import { findNearDuplicates, parseCsvCards, parseMarkdownCards, slugify, uniqueId, type ParsedCard } from './card-import';

const cardRef = (id: string) => `card:${id}`;
const problemRef = (slug: string) => `problem:${slug}`;

/** What learners see of a deck, as a comparable key. */
const liveItems = (d: TAdminDeckDetail) =>
  `${d.deck.status}|${d.items
    .filter((i) => i.live)
    .map((i) => `${i.kind}:${i.ref}`)
    .join(',')}`;

/** `binary-search` → `Binary search` (a topic's title when none was given; at least 3 characters). */
function titleOf(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  const title = words.charAt(0).toUpperCase() + words.slice(1);
  return title.length >= 3 ? title : `${title} cards`;
}

function toCard(row: CardRow): TAdminCard {
  return {
    id: row.id,
    deck: row.deck,
    topic: row.topic,
    front: row.front,
    back: row.back,
    tags: row.tags,
    version: row.version,
    revision: row.revision,
    source: row.source,
    status: row.status,
    editable: row.source === 'authored',
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Admin curation of decks and concept cards. Every change runs in one transaction with its audit event; what learners
 * see follows through `retiredAt` and DeckItem (AdminDecksRepository.refreshLiveness), and their queues are reconciled
 * right after the commit (the same reconciliation a content sync runs).
 */
@Injectable()
export class AdminDecksService {
  constructor(
    private readonly repository: AdminDecksRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly enrollments: EnrollmentRepository,
    private readonly clock: Clock,
  ) {}

  async list(query: TAdminDeckListQuery): Promise<TAdminDeckListResponse> {
    const { decks, total } = await this.repository.list(query);
    const counts = await this.repository.countsByDeck(decks.map((d) => d.slug));
    return { decks: decks.map((d) => this.summary(d, counts.get(d.slug))), total };
  }

  async detail(slug: string, tx?: Tx): Promise<TAdminDeckDetail> {
    if (!tx) return this.transactions.run((t) => this.detail(slug, t));
    const deck = await this.repository.deck(tx, slug);
    if (!deck) throw new AppError(ErrorCode.NotFound, 'No deck has this slug');
    return this.describe(deck, tx);
  }

  async create(actor: AdminActor, body: TCreateDeckRequest): Promise<TAdminDeckDetail> {
    const detail = await this.transactions.run(async (tx) => {
      if (await this.repository.deck(tx, body.slug)) throw new AppError(ErrorCode.Conflict, `A deck has the slug ${body.slug}`);
      const now = this.clock.now();
      await this.repository.createDeck(tx, { ...body, itemRefs: [], topicTitles: {} }, now);
      await this.repository.refreshLiveness(tx, body.slug, now);
      const after = await this.detail(body.slug, tx);
      await this.audit.record(
        actor,
        { action: DeckAuditAction.DeckCreated, entity: { type: 'deck', id: body.slug }, before: null, after: after.deck },
        tx,
      );
      return after;
    });
    return detail;
  }

  async update(actor: AdminActor, slug: string, body: TUpdateDeckRequest): Promise<TAdminDeckDetail> {
    return this.change(actor, slug, DeckAuditAction.DeckUpdated, async (tx, deck) => {
      const data: Parameters<AdminDecksRepository['updateDeck']>[2] = {};
      if (body.title !== undefined) data.title = body.title;
      if (body.description !== undefined) data.description = body.description;
      if (body.tags !== undefined) data.tags = body.tags;
      if (body.topics) data.topicTitles = { ...deck.topicTitles, ...Object.fromEntries(body.topics.map((t) => [t.slug, t.title])) };
      if (body.items) data.itemRefs = await this.checkedOrder(tx, deck, body.items);
      await this.repository.updateDeck(tx, slug, data);
    });
  }

  async publish(actor: AdminActor, slug: string): Promise<TAdminDeckDetail> {
    return this.change(actor, slug, DeckAuditAction.DeckPublished, async (tx, deck) => {
      const now = this.clock.now();
      await this.repository.updateDeck(tx, slug, { status: 'published', publishedAt: deck.publishedAt ?? now });
      const drafts = (await this.repository.cardsOfDeck(tx, slug)).filter((c) => c.status === 'draft').map((c) => c.id);
      await this.repository.setCardStatus(tx, drafts, 'published', now);
    });
  }

  async unpublish(actor: AdminActor, slug: string): Promise<TAdminDeckDetail> {
    return this.change(actor, slug, DeckAuditAction.DeckUnpublished, (tx) => this.repository.updateDeck(tx, slug, { status: 'draft' }));
  }

  async archive(actor: AdminActor, slug: string): Promise<TAdminDeckDetail> {
    return this.change(actor, slug, DeckAuditAction.DeckArchived, (tx) => this.repository.updateDeck(tx, slug, { status: 'archived' }));
  }

  async fork(actor: AdminActor, source: string, body: TForkDeckRequest): Promise<TAdminDeckDetail> {
    return this.transactions.run(async (tx) => {
      const original = await this.repository.deck(tx, source);
      if (!original) throw new AppError(ErrorCode.NotFound, 'No deck has this slug');
      if (await this.repository.deck(tx, body.slug)) throw new AppError(ErrorCode.Conflict, `A deck has the slug ${body.slug}`);
      const from = await this.describe(original, tx);
      const newId = (id: string) => `${body.slug}-${id}`.slice(0, 80).replace(/-+$/, '');
      const cards = from.cards.filter((c) => c.status !== 'archived');
      const taken = [
        ...(await this.repository.takenCardIds(
          tx,
          cards.map((c) => newId(c.id)),
        )),
      ];
      if (taken.length) throw new AppError(ErrorCode.Conflict, `Card ids already in use: ${taken.join(', ')}`, { cardIds: taken });
      const kept = new Set(cards.map((c) => c.id));
      const itemRefs = from.items
        .filter((i) => i.kind === 'problem' || kept.has(i.ref))
        .map((i) => (i.kind === 'card' ? cardRef(newId(i.ref)) : problemRef(i.ref)));
      const now = this.clock.now();
      const topicTitles = Object.fromEntries(from.topics.map((t) => [t.slug, t.title]));
      const title = body.title ?? from.deck.title;
      await this.repository.createDeck(
        tx,
        { slug: body.slug, title, description: from.deck.description, tags: from.deck.tags, itemRefs, topicTitles },
        now,
      );
      await this.repository.createCards(
        tx,
        cards.map((c) => ({
          id: newId(c.id),
          version: c.version,
          deck: body.slug,
          topic: c.topic,
          front: c.front,
          back: c.back,
          tags: c.tags,
        })),
        actor.user.email,
        now,
      );
      await this.repository.refreshLiveness(tx, body.slug, now);
      const after = await this.detail(body.slug, tx);
      await this.audit.record(
        actor,
        {
          action: DeckAuditAction.DeckForked,
          entity: { type: 'deck', id: body.slug },
          before: null,
          after: { ...after.deck, forkedFrom: source },
        },
        tx,
      );
      return after;
    });
  }

  async remove(actor: AdminActor, slug: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const deck = await this.editableDeck(tx, slug);
      if (deck.publishedAt)
        throw new AppError(ErrorCode.Conflict, 'This deck was published: archive it instead (learners may have progress on it)');
      const before = await this.describe(deck, tx);
      await this.repository.deleteDeck(tx, slug);
      await this.audit.record(actor, { action: DeckAuditAction.DeckDeleted, entity: { type: 'deck', id: slug }, before, after: null }, tx);
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Cards

  async card(id: string, tx?: Tx): Promise<TAdminCardDetail> {
    if (!tx) return this.transactions.run((t) => this.card(id, t));
    const db = tx;
    const row = await this.repository.card(db, id);
    if (!row) throw new AppError(ErrorCode.NotFound, 'No card has this id');
    const versions = await this.repository.versions(db, id);
    return { card: toCard(row), versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })) };
  }

  async createCard(actor: AdminActor, slug: string, body: TCreateCardRequest): Promise<TAdminCardDetail> {
    let id = body.id;
    await this.change(
      actor,
      slug,
      DeckAuditAction.CardCreated,
      async (tx, deck) => {
        if (id && (await this.repository.takenCardIds(tx, [id])).size) throw new AppError(ErrorCode.Conflict, `A card has the id ${id}`);
        id ??= uniqueId(body.front, await this.repository.cardIdsLike(tx, [slugify(body.front)]));
        await this.addCards(
          tx,
          actor,
          deck,
          [{ id, version: 1, deck: slug, topic: body.topic, front: body.front, back: body.back, tags: body.tags }],
          {},
        );
      },
      () => ({ type: 'card', id: id! }),
    );
    return this.card(id!);
  }

  async updateCard(actor: AdminActor, id: string, body: TUpdateCardRequest): Promise<TAdminCardDetail> {
    return this.saveCard(actor, id, DeckAuditAction.CardUpdated, null, (card) => ({
      front: body.front ?? card.front,
      back: body.back ?? card.back,
      tags: body.tags ?? card.tags,
      topic: body.topic ?? card.topic,
    }));
  }

  async restoreCard(actor: AdminActor, id: string, number: number): Promise<TAdminCardDetail> {
    return this.saveCard(actor, id, DeckAuditAction.CardRestored, number, async (_card, tx) => {
      const version = await this.repository.version(tx, id, number);
      if (!version) throw new AppError(ErrorCode.NotFound, `Card ${id} has no version ${number}`);
      return { front: version.front, back: version.back, tags: version.tags, topic: version.topic };
    });
  }

  async removeCard(actor: AdminActor, id: string): Promise<TDeleteCardResponse> {
    let outcome: TDeleteCardResponse['outcome'] = 'deleted';
    const existing = await this.existingCard(id);
    const deck = await this.change(
      actor,
      existing.deck,
      DeckAuditAction.CardDeleted,
      async (tx, d) => {
        const card = await this.repository.card(tx, id);
        if (!card || card.deck !== d.slug) throw new AppError(ErrorCode.NotFound, 'No card has this id');
        if (card.publishedAt) {
          outcome = 'archived';
          await this.repository.setCardStatus(tx, [id], 'archived');
        } else {
          await this.repository.deleteCard(tx, id);
          await this.repository.updateDeck(tx, d.slug, { itemRefs: d.itemRefs.filter((r) => r !== cardRef(id)) });
        }
      },
      () => ({ type: 'card', id }),
      () => (outcome === 'archived' ? DeckAuditAction.CardArchived : DeckAuditAction.CardDeleted),
    );
    return { outcome, deck };
  }

  async importCards(actor: AdminActor, slug: string, body: TImportCardsRequest): Promise<TImportCardsResponse> {
    const deckRow = await this.transactions.run((tx) => this.repository.deck(tx, slug));
    if (!deckRow) throw new AppError(ErrorCode.NotFound, 'No deck has this slug');
    if (deckRow.source !== 'authored') throw this.readOnly();
    const parsed =
      body.format === 'csv'
        ? { ...parseCsvCards(body.text, body.topic ?? 'cards'), topicTitle: null }
        : parseMarkdownCards(body.text, slug, body.topic);
    if (parsed.issues.length) throw AppError.validation(parsed.issues);
    const run = async (tx: Tx) => {
      const existing = await this.repository.cardsOfDeck(tx, slug);
      const cards = await this.assignIds(tx, parsed.cards);
      const duplicates = findNearDuplicates(
        cards,
        existing.filter((c) => c.status !== 'archived'),
      );
      return { existing, cards, duplicates };
    };
    if (!body.confirm) {
      const { cards, duplicates } = await this.transactions.run(run);
      return { applied: false, cards, duplicates, created: [], skipped: [], deck: null };
    }
    const skip = new Set(body.skip);
    let result: Omit<TImportCardsResponse, 'deck'> | null = null;
    const deck = await this.change(actor, slug, DeckAuditAction.CardsImported, async (tx, d) => {
      const { cards, duplicates } = await run(tx);
      const kept = cards.filter((c) => !skip.has(c.index));
      const titles = parsed.topicTitle && kept[0] ? { [kept[0].topic]: parsed.topicTitle } : {};
      await this.addCards(
        tx,
        actor,
        d,
        kept.map((c) => ({ id: c.id, version: 1, deck: slug, topic: c.topic, front: c.front, back: c.back, tags: c.tags })),
        titles,
      );
      result = {
        applied: true,
        cards,
        duplicates,
        created: kept.map((c) => c.index),
        skipped: cards.filter((c) => skip.has(c.index)).map((c) => c.index),
      };
    });
    return { ...result!, deck };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Zip import and export

  async importZip(actor: AdminActor, body: TImportDeckRequest): Promise<TImportDeckResponse> {
    const bytes = new Uint8Array(Buffer.from(body.zipBase64, 'base64'));
    const { bundle, issues } = importDeckZip(bytes);
    if (!bundle) throw AppError.validation(issues.map((i: ContentIssue) => ({ path: `${i.file}:${i.line}`, message: i.message })));
    const slug = bundle.deck.slug;
    const cards = bundle.topics.flatMap((t) => t.cards.map((c) => ({ ...c, topic: t.slug })));
    return this.transactions.run(async (tx) => {
      if (await this.repository.deck(tx, slug))
        throw new AppError(ErrorCode.Conflict, `A deck has the slug ${slug}: rename the folder decks/${slug} and try again`);
      const taken = [
        ...(await this.repository.takenCardIds(
          tx,
          cards.map((c) => c.id),
        )),
      ];
      if (taken.length) throw new AppError(ErrorCode.Conflict, `Card ids already in use: ${taken.join(', ')}`, { cardIds: taken });
      const existingProblems = await this.repository.problems(
        tx,
        bundle.problems.map((p) => p.slug),
      );
      const skippedProblems = bundle.problems.map((p) => ({
        slug: p.slug,
        reason: existingProblems.has(p.slug)
          ? 'a problem with this slug exists: the deck links to it, the copy in the zip was not imported'
          : 'authored problems cannot be stored yet (they arrive with admin problem authoring): add it to the deck once it exists',
      }));
      const now = this.clock.now();
      const itemRefs = [
        ...cards.map((c) => cardRef(c.id)),
        ...bundle.problems.filter((p) => existingProblems.has(p.slug)).map((p) => problemRef(p.slug)),
      ];
      const topicTitles = Object.fromEntries(bundle.topics.map((t) => [t.slug, t.title]));
      await this.repository.createDeck(tx, { ...bundle.deck, itemRefs, topicTitles }, now);
      await this.repository.createCards(
        tx,
        cards.map((c) => ({ id: c.id, version: c.version, deck: slug, topic: c.topic, front: c.front, back: c.back, tags: c.tags })),
        actor.user.email,
        now,
      );
      await this.repository.refreshLiveness(tx, slug, now);
      const deck = await this.detail(slug, tx);
      await this.audit.record(
        actor,
        { action: DeckAuditAction.DeckImported, entity: { type: 'deck', id: slug }, before: null, after: { ...deck, skippedProblems } },
        tx,
      );
      return { deck, skippedProblems };
    });
  }

  async exportZip(slug: string): Promise<Uint8Array> {
    const bundle = await this.bundle(slug);
    try {
      return exportDeckZip(bundle);
    } catch (e) {
      if (e instanceof BundleExportError) throw new AppError(ErrorCode.Conflict, e.message);
      throw e;
    }
  }

  async exportApkg(slug: string): Promise<Uint8Array> {
    const detail = await this.detail(slug);
    const cards = detail.cards.filter((c) => c.status !== 'archived');
    const order = new Map(detail.items.map((item, i) => [item.ref, i]));
    cards.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return ankiPackage({ slug, title: detail.deck.title, description: detail.deck.description, cards }, this.clock.now());
  }

  /** The deck as a bundle: its cards (not archived) by topic in deck order, and its problems read from the content files. */
  private async bundle(slug: string): Promise<TDeckBundleInput> {
    const detail = await this.detail(slug);
    const cards = detail.cards.filter((c) => c.status !== 'archived');
    const topics = detail.topics
      .map((t) => ({ slug: t.slug, title: t.title, cards: cards.filter((c) => c.topic === t.slug) }))
      .filter((t) => t.cards.length > 0)
      .map((t) => ({ ...t, cards: t.cards.map((c) => ({ id: c.id, version: c.version, front: c.front, back: c.back, tags: c.tags })) }));
    const problemSlugs = detail.items.filter((i) => i.kind === 'problem').map((i) => i.ref);
    const root = BUILT_IN_CONTENT_ROOT;
    const problems: TAuthoredProblemInput[] = [];
    for (const p of problemSlugs) {
      const issues: ContentIssue[] = [];
      let problem: TAuthoredProblemInput | null = null;
      try {
        problem = readProblemFiles(readContentFiles(root, `problems/${p}`), p, slug, issues);
      } catch {
        problem = null;
      }
      if (!problem || issues.length)
        throw new AppError(
          ErrorCode.Conflict,
          `Problem ${p} cannot be exported: ${issues.map((i) => i.message).join('; ') || 'it is not in the content files'}`,
        );
      problems.push(normalizeAuthoredProblem(problem));
    }
    return { deck: { slug, title: detail.deck.title, description: detail.deck.description, tags: detail.deck.tags }, problems, topics };
  }

  // -------------------------------------------------------------------------------------------------------------

  private async existingCard(id: string): Promise<CardRow> {
    const card = await this.transactions.run((tx) => this.repository.card(tx, id));
    if (!card) throw new AppError(ErrorCode.NotFound, 'No card has this id');
    return card;
  }

  private readOnly(): AppError {
    return new AppError(ErrorCode.Conflict, 'Built-in content is read-only: change it in packages/problems');
  }

  private async editableDeck(tx: Tx, slug: string): Promise<DeckRow> {
    const deck = await this.repository.lockDeck(tx, slug);
    if (!deck) throw new AppError(ErrorCode.NotFound, 'No deck has this slug');
    if (deck.source !== 'authored') throw this.readOnly();
    return deck;
  }

  /**
   * One change to an authored deck: lock it, apply, make learners' view follow, audit before/after, commit; then
   * reconcile learners' queues (new items of enrolled decks, archived ones out).
   */
  private async change(
    actor: AdminActor,
    slug: string,
    action: string,
    apply: (tx: Tx, deck: DeckRow) => Promise<unknown>,
    entity: () => { type: 'deck' | 'card'; id: string } = () => ({ type: 'deck', id: slug }),
    actionOf: () => string = () => action,
  ): Promise<TAdminDeckDetail> {
    const now = this.clock.now();
    const detail = await this.transactions.run(async (tx) => {
      const deck = await this.editableDeck(tx, slug);
      const before = await this.describe(deck, tx);
      await apply(tx, deck);
      await this.repository.refreshLiveness(tx, slug, now);
      const after = await this.detail(slug, tx);
      const target = entity();
      const pick = (d: TAdminDeckDetail) => (target.type === 'card' ? (d.cards.find((c) => c.id === target.id) ?? null) : d);
      await this.audit.record(actor, { action: actionOf(), entity: target, before: pick(before), after: pick(after) }, tx);
      return { after, relive: liveItems(before) !== liveItems(after) };
    });
    // Only when what learners see changed: reconciliation walks every learner's state rows.
    if (detail.relive) await this.enrollments.reconcileWithContent(now);
    return detail.after;
  }

  private async saveCard(
    actor: AdminActor,
    id: string,
    action: string,
    restoredFrom: number | null,
    next: (
      card: CardRow,
      tx: Tx,
    ) =>
      | { front: string; back: string; tags: string[]; topic: string }
      | Promise<{ front: string; back: string; tags: string[]; topic: string }>,
  ): Promise<TAdminCardDetail> {
    const existing = await this.existingCard(id);
    if (existing.source !== 'authored') throw this.readOnly();
    await this.change(
      actor,
      existing.deck,
      action,
      async (tx, deck) => {
        const card = await this.repository.card(tx, id);
        if (!card || card.deck !== deck.slug) throw new AppError(ErrorCode.NotFound, 'No card has this id');
        const content = await next(card, tx);
        await this.repository.saveCardVersion(tx, id, content, card.revision + 1, restoredFrom, actor.user.email, this.clock.now());
        if (!(content.topic in deck.topicTitles))
          await this.repository.updateDeck(tx, deck.slug, {
            topicTitles: { ...deck.topicTitles, [content.topic]: titleOf(content.topic) },
          });
      },
      () => ({ type: 'card', id }),
    );
    return this.card(id);
  }

  private async addCards(tx: Tx, actor: AdminActor, deck: DeckRow, cards: NewCard[], titles: Record<string, string>): Promise<void> {
    await this.repository.createCards(tx, cards, actor.user.email, this.clock.now());
    const topicTitles = { ...deck.topicTitles };
    for (const c of cards) topicTitles[c.topic] ??= titles[c.topic] ?? titleOf(c.topic);
    await this.repository.updateDeck(tx, deck.slug, { itemRefs: [...deck.itemRefs, ...cards.map((c) => cardRef(c.id))], topicTitles });
  }

  /** Ids for imported cards: given ones must be free and unique; the others are made from the front. */
  private async assignIds(tx: Tx, cards: ParsedCard[]): Promise<ParsedCard[]> {
    const given = cards.filter((c) => c.id).map((c) => c.id);
    const taken = await this.repository.takenCardIds(tx, given);
    const issues = cards
      .filter((c) => c.id && (taken.has(c.id) || given.indexOf(c.id) !== given.lastIndexOf(c.id)))
      .map((c) => ({ path: `cards.${c.index}.id`, message: `card id ${c.id} is already in use` }));
    if (issues.length) throw AppError.validation(issues);
    const used = new Set([
      ...given,
      ...(await this.repository.cardIdsLike(tx, [...new Set(cards.filter((c) => !c.id).map((c) => slugify(c.front)))])),
    ]);
    return cards.map((c) => (c.id ? c : { ...c, id: uniqueId(c.front, used) }));
  }

  /** The new order must hold each of the deck's cards once; problems must exist. */
  private async checkedOrder(tx: Tx, deck: DeckRow, items: { kind: 'card' | 'problem'; ref: string }[]): Promise<string[]> {
    const refs = items.map((i) => (i.kind === 'card' ? cardRef(i.ref) : problemRef(i.ref)));
    const issues: { path: string; message: string }[] = [];
    if (new Set(refs).size !== refs.length) issues.push({ path: 'body.items', message: 'an item appears twice' });
    const cards = new Set((await this.repository.cardsOfDeck(tx, deck.slug)).map((c) => c.id));
    const named = items.filter((i) => i.kind === 'card').map((i) => i.ref);
    for (const id of named) if (!cards.has(id)) issues.push({ path: 'body.items', message: `card ${id} is not in this deck` });
    for (const id of cards)
      if (!named.includes(id))
        issues.push({ path: 'body.items', message: `card ${id} is missing (remove a card with DELETE /api/admin/cards/${id})` });
    const slugs = items.filter((i) => i.kind === 'problem').map((i) => i.ref);
    const problems = await this.repository.problems(tx, slugs);
    for (const s of slugs) if (!problems.has(s)) issues.push({ path: 'body.items', message: `no problem has the slug ${s}` });
    if (issues.length) throw AppError.validation(issues);
    return refs;
  }

  private summary(deck: DeckRow, counts?: { cards: number; enrolled: number }): TAdminDeckSummary {
    return {
      slug: deck.slug,
      title: deck.title,
      description: deck.description,
      tags: deck.tags,
      source: deck.source,
      status: deck.status,
      editable: deck.source === 'authored',
      cards: counts?.cards ?? 0,
      problems: deck.problemSlugs.length,
      enrolled: counts?.enrolled ?? 0,
      publishedAt: deck.publishedAt?.toISOString() ?? null,
      updatedAt: deck.updatedAt.toISOString(),
    };
  }

  private async describe(deck: DeckRow, db: Tx): Promise<TAdminDeckDetail> {
    const cards = await this.repository.cardsOfDeck(db, deck.slug);
    const byId = new Map(cards.map((c) => [c.id, c]));
    // Built-in decks keep no itemRefs: their order is the one content sync gives (cards by topic, then problems).
    const refs =
      deck.source === 'authored'
        ? deck.itemRefs
        : [
            ...[...cards].sort((a, b) => deck.cardTopics.indexOf(a.topic) - deck.cardTopics.indexOf(b.topic)).map((c) => cardRef(c.id)),
            ...deck.problemSlugs.map(problemRef),
          ];
    const problems = await this.repository.problems(
      db,
      refs.filter((r) => r.startsWith('problem:')).map((r) => r.slice(8)),
    );
    const deckLive = deck.status === 'published';
    const items: TAdminDeckItem[] = refs.map((r) => {
      const [kind, ref] = r.split(':') as ['card' | 'problem', string];
      if (kind === 'card') {
        const c = byId.get(ref);
        return { kind, ref, title: c?.front ?? ref, status: c?.status ?? 'archived', live: deckLive && c?.status === 'published' };
      }
      const p = problems.get(ref);
      return { kind, ref, title: p?.title ?? ref, status: p?.live ? 'published' : 'archived', live: deckLive && !!p?.live };
    });
    const ordered = items
      .filter((i) => i.kind === 'card')
      .map((i) => byId.get(i.ref)!)
      .filter(Boolean);
    const topicSlugs = [...new Set(ordered.map((c) => c.topic))];
    const topics = topicSlugs.map((slug) => ({ slug, title: deck.topicTitles[slug] ?? titleOf(slug) }));
    const counts = { cards: cards.length, enrolled: await this.repository.enrolledCount(db, deck.slug) };
    return { deck: this.summary(deck, counts), items, topics, cards: ordered.map(toCard) };
  }
}
