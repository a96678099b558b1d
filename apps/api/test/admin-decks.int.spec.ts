import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { unzipSync } from 'fflate';
import initSqlJs from 'sql.js';
import {
  ZAdminCardDetail,
  ZAdminDeckDetail,
  ZAdminDeckListResponse,
  ZAuditPage,
  ZDeckDetailResponse,
  ZDeleteCardResponse,
  ZImportCardsResponse,
  ZImportDeckResponse,
  ZItemDetailResponse,
  ZReviewResponse,
} from '@prep/contracts';
import { importDeckZip } from '@prep/problems';
import { call, errorOf, registerLearner, signInAs, type TSignedIn } from './support/api-client';
import { startTestHttpApp } from './support/http-app';
import { createDeck, reviewId } from './support/study-factories';

let app: NestFastifyApplication;
let admin: TSignedIn;

beforeAll(async () => {
  app = await startTestHttpApp();
  admin = await signInAs(app, 'admin');
});
afterAll(async () => {
  await app.close();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const as = (who: TSignedIn, method: Method, url: string, payload?: unknown) => call(app, { method, url, payload, cookie: who.cookie });
const adminCall = (method: Method, url: string, payload?: unknown) => as(admin, method, url, payload);

async function ok<T>(res: Awaited<ReturnType<typeof call>>, parse: { parse: (v: unknown) => T }, status = 200): Promise<T> {
  expect({ status: res.statusCode, body: res.statusCode === status ? null : res.body }).toEqual({ status, body: null });
  return parse.parse(res.json());
}

/** An authored draft deck with cards (ids unique to this run). */
async function authoredDeck(
  cards: { front: string; back: string; topic?: string; tags?: string[] }[],
): Promise<{ slug: string; ids: string[] }> {
  const slug = `authored-${randomUUID().slice(0, 8)}`;
  await ok(
    await adminCall('POST', '/api/admin/decks', {
      slug,
      title: `Authored ${slug}`,
      description: 'A deck written in the admin pages.',
      tags: ['curated'],
    }),
    ZAdminDeckDetail,
    201,
  );
  const ids: string[] = [];
  for (const [i, c] of cards.entries()) {
    const detail = await ok(
      await adminCall('POST', `/api/admin/decks/${slug}/cards`, { id: `${slug}-c${i}`, ...c }),
      ZAdminCardDetail,
      201,
    );
    ids.push(detail.card.id);
  }
  return { slug, ids };
}

const learnerDecks = async (me: TSignedIn) =>
  (await as(me, 'GET', '/api/decks')).json().decks.map((d: { slug: string }) => d.slug) as string[];

describe('authored decks, as learners see them', () => {
  it('a draft deck is invisible to learners; published, a learner enrolls and reviews its card; an edit keeps their progress', async () => {
    const { slug, ids } = await authoredDeck([
      { front: 'What does $O(\\log n)$ mean?', back: 'Halving the input at each step.', tags: ['complexity'] },
      { front: 'What is a heap?', back: 'A tree with the heap property.' },
    ]);
    const builtIn = await createDeck(app, { cards: 1, problems: 1 });
    await ok(
      await adminCall('PATCH', `/api/admin/decks/${slug}`, {
        items: [
          { kind: 'card', ref: ids[1] },
          { kind: 'problem', ref: builtIn.problemSlugs[0] },
          { kind: 'card', ref: ids[0] },
        ],
      }),
      ZAdminDeckDetail,
    );
    const me = await registerLearner(app);
    expect(await learnerDecks(me)).not.toContain(slug);
    expect((await as(me, 'GET', `/api/decks/${slug}`)).statusCode).toBe(404);
    expect((await as(me, 'POST', `/api/decks/${slug}/enroll`)).statusCode).toBe(404);
    expect((await as(me, 'GET', `/api/items/card:${ids[0]}`)).statusCode).toBe(404);

    const published = await ok(await adminCall('POST', `/api/admin/decks/${slug}/publish`), ZAdminDeckDetail);
    expect(published.deck.status).toBe('published');
    expect(published.items.map((i) => [i.ref, i.live])).toEqual([
      [ids[1], true],
      [builtIn.problemSlugs[0], true],
      [ids[0], true],
    ]);
    expect(await learnerDecks(me)).toContain(slug);
    await ok(await as(me, 'POST', `/api/decks/${slug}/enroll`), { parse: (v) => v });
    const deck = await ok(await as(me, 'GET', `/api/decks/${slug}`), ZDeckDetailResponse);
    expect(deck.items.map((i) => i.id)).toEqual([`card:${ids[1]}`, `problem:${builtIn.problemSlugs[0]}`, `card:${ids[0]}`]);

    const reviewed = await ok(
      await as(me, 'POST', `/api/review/card:${ids[0]}`, { rating: 'good', durationMs: 3000, clientReviewId: reviewId() }),
      ZReviewResponse,
    );
    const stateBefore = reviewed.state;

    const edited = await ok(
      await adminCall('PATCH', `/api/admin/cards/${ids[0]}`, { back: 'Each step halves what is left: $\\log_2 n$ steps.' }),
      ZAdminCardDetail,
    );
    expect(edited.versions.map((v) => v.number)).toEqual([2, 1]);
    const item = await ok(await as(me, 'GET', `/api/items/card:${ids[0]}`), ZItemDetailResponse);
    expect(item.item.content).toMatchObject({ back: 'Each step halves what is left: $\\log_2 n$ steps.' });
    expect(item.item.state).toEqual(stateBefore);

    const restored = await ok(await adminCall('POST', `/api/admin/cards/${ids[0]}/versions/1/restore`), ZAdminCardDetail);
    expect(restored.card.back).toBe('Halving the input at each step.');
    expect(restored.versions.map((v) => [v.number, v.restoredFrom])).toEqual([
      [3, 1],
      [2, null],
      [1, null],
    ]);
    const audit = ZAuditPage.parse((await adminCall('GET', `/api/admin/audit?entityType=card&entityId=${ids[0]}`)).json()).events;
    expect(audit.map((e) => e.action)).toEqual(['card.restored', 'card.updated', 'card.created']);
    expect(audit[1]).toMatchObject({
      before: { back: 'Halving the input at each step.' },
      after: { back: expect.stringContaining('log_2') },
    });

    // A card added to a published deck is a draft until the deck is published again.
    const added = await ok(
      await adminCall('POST', `/api/admin/decks/${slug}/cards`, { front: 'What is a trie?', back: 'A prefix tree.' }),
      ZAdminCardDetail,
      201,
    );
    expect(added.card).toMatchObject({ id: 'what-is-a-trie', status: 'draft' });
    expect((await as(me, 'GET', `/api/decks/${slug}`)).json().items).toHaveLength(3);
    await ok(await adminCall('POST', `/api/admin/decks/${slug}/publish`), ZAdminDeckDetail);
    expect((await as(me, 'GET', `/api/decks/${slug}`)).json().items).toHaveLength(4);
    // Removing a published card archives it: learners no longer see it; a never-published one is deleted.
    expect((await ok(await adminCall('DELETE', `/api/admin/cards/${added.card.id}`), ZDeleteCardResponse)).outcome).toBe('archived');
    expect((await as(me, 'GET', `/api/decks/${slug}`)).json().items).toHaveLength(3);

    await ok(await adminCall('POST', `/api/admin/decks/${slug}/archive`), ZAdminDeckDetail);
    expect(await learnerDecks(me)).not.toContain(slug);
    expect((await adminCall('DELETE', `/api/admin/decks/${slug}`)).statusCode).toBe(409);
  }, 60_000);

  it('keeps built-in decks read-only, and admin routes closed to learners and anonymous callers', async () => {
    const builtIn = await createDeck(app, { cards: 1, problems: 0 });
    const detail = await ok(await adminCall('GET', `/api/admin/decks/${builtIn.slug}`), ZAdminDeckDetail);
    expect(detail.deck).toMatchObject({ source: 'builtin', editable: false, status: 'published' });
    const edit = await adminCall('PATCH', `/api/admin/decks/${builtIn.slug}`, { title: 'Renamed deck' });
    expect([edit.statusCode, errorOf(edit).code]).toEqual([409, 'conflict']);
    expect((await adminCall('PATCH', `/api/admin/cards/${builtIn.cardIds[0]}`, { back: 'x' })).statusCode).toBe(409);
    expect((await adminCall('POST', `/api/admin/decks/${builtIn.slug}/cards`, { front: 'f', back: 'b' })).statusCode).toBe(409);
    const list = await ok(await adminCall('GET', `/api/admin/decks?source=builtin&q=${builtIn.slug}`), ZAdminDeckListResponse);
    expect(list.decks.map((d) => d.slug)).toEqual([builtIn.slug]);

    const forkSlug = `fork-${builtIn.slug}`;
    const fork = await ok(await adminCall('POST', `/api/admin/decks/${builtIn.slug}/fork`, { slug: forkSlug }), ZAdminDeckDetail, 201);
    expect(fork.deck).toMatchObject({ source: 'authored', status: 'draft', editable: true });
    expect(fork.cards.map((c) => [c.id, c.front])).toEqual([[`${forkSlug}-${builtIn.cardIds[0]}`, detail.cards[0]!.front]]);
    await ok(await adminCall('PATCH', `/api/admin/cards/${fork.cards[0]!.id}`, { back: 'Edited in the fork' }), ZAdminCardDetail);

    const learner = await registerLearner(app);
    expect((await as(learner, 'GET', '/api/admin/decks')).statusCode).toBe(403);
    expect((await call(app, { method: 'POST', url: '/api/admin/decks/import', payload: { zipBase64: 'AAAA' } })).statusCode).toBe(401);
  });
});

describe('bulk card import', () => {
  it('previews CSV and Markdown with near-duplicates flagged, then creates all but the skipped ones', async () => {
    const { slug, ids } = await authoredDeck([{ front: 'What is a binary heap?', back: 'A complete tree.' }]);
    const csv =
      'front,back,tags\n"What is a binary heap ?","Dupe of the existing card",heaps\n"What is amortized cost?","Average over a sequence, e.g. ""doubling"" arrays",complexity\n';
    const preview = await ok(
      await adminCall('POST', `/api/admin/decks/${slug}/cards/import`, { format: 'csv', text: csv }),
      ZImportCardsResponse,
    );
    expect(preview.applied).toBe(false);
    expect(preview.duplicates).toEqual([
      { index: 0, similarTo: { kind: 'existing', id: ids[0], front: 'What is a binary heap?' }, similarity: 1 },
    ]);
    expect((await ok(await adminCall('GET', `/api/admin/decks/${slug}`), ZAdminDeckDetail)).cards).toHaveLength(1);

    const applied = await ok(
      await adminCall('POST', `/api/admin/decks/${slug}/cards/import`, { format: 'csv', text: csv, confirm: true, skip: [0] }),
      ZImportCardsResponse,
    );
    expect([applied.created, applied.skipped]).toEqual([[1], [0]]);
    expect(applied.deck!.cards.map((c) => c.back)).toEqual(['A complete tree.', 'Average over a sequence, e.g. "doubling" arrays']);

    const md = `---\ntitle: Graph basics\n---\n\n## What is a DAG?\n<!-- id: ${slug}-dag; tags: graphs -->\n\nA directed graph without cycles.\n\n## What is a dag\n<!-- id: ${slug}-dag2 -->\n\nSame question again.\n`;
    const mdPreview = await ok(
      await adminCall('POST', `/api/admin/decks/${slug}/cards/import`, { format: 'markdown', text: md }),
      ZImportCardsResponse,
    );
    expect(mdPreview.cards.map((c) => [c.id, c.topic])).toEqual([
      [`${slug}-dag`, 'graph-basics'],
      [`${slug}-dag2`, 'graph-basics'],
    ]);
    expect(mdPreview.duplicates.map((d) => [d.index, d.similarTo])).toEqual([[1, { kind: 'import', index: 0, front: 'What is a DAG?' }]]);

    const bad = await adminCall('POST', `/api/admin/decks/${slug}/cards/import`, { format: 'csv', text: 'front,back\nno back,\n' });
    expect([bad.statusCode, errorOf(bad).details]).toEqual([400, [{ path: 'body.text:2:back', message: 'is empty' }]]);
  });
});

describe('deck export and import', () => {
  it('exports a zip that imports back to exactly the same deck, and an Anki package with the text and math', async () => {
    const { slug } = await authoredDeck([
      { front: 'Sum of $1..n$?', back: '$$\\frac{n(n+1)}{2}$$\n\nGauss, as a schoolboy.', topic: 'sums', tags: ['math'] },
      { front: 'What is `git rebase`?', back: 'Replays commits on a new base.', topic: 'tools' },
    ]);
    await ok(
      await adminCall('PATCH', `/api/admin/decks/${slug}`, { topics: [{ slug: 'sums', title: 'Sums and series' }] }),
      ZAdminDeckDetail,
    );
    const zipped = await adminCall('GET', `/api/admin/decks/${slug}/export.zip`);
    expect([zipped.statusCode, zipped.headers['content-type']]).toEqual([200, 'application/zip']);
    const first = importDeckZip(new Uint8Array(zipped.rawPayload));
    expect(first.issues).toEqual([]);

    const apkg = await adminCall('GET', `/api/admin/decks/${slug}/export.apkg`);
    expect(apkg.statusCode).toBe(200);
    const SQL = await initSqlJs();
    const db = new SQL.Database(unzipSync(new Uint8Array(apkg.rawPayload))['collection.anki2']);
    const notes = db.exec('SELECT flds, tags FROM notes ORDER BY id')[0]!.values as [string, string][];
    expect(notes.map(([flds]) => flds.split('\x1f')[0])).toEqual(['<p>Sum of \\(1..n\\)?</p>', '<p>What is <code>git rebase</code>?</p>']);
    expect(notes[0]![0]).toContain('\\[\\frac{n(n+1)}{2}\\]');
    expect(notes[0]![1]).toBe(' math ');
    expect(db.exec('SELECT count(*) FROM cards c JOIN notes n ON n.id = c.nid')[0]!.values).toEqual([[2]]);
    db.close();

    // Round trip: delete the (never published) deck, import its zip, export again.
    expect((await adminCall('DELETE', `/api/admin/decks/${slug}`)).statusCode).toBe(204);
    const zipBase64 = Buffer.from(zipped.rawPayload).toString('base64');
    const imported = await ok(await adminCall('POST', '/api/admin/decks/import', { zipBase64 }), ZImportDeckResponse, 201);
    expect(imported).toMatchObject({ deck: { deck: { slug, status: 'draft', source: 'authored' } }, skippedProblems: [] });
    const again = await adminCall('GET', `/api/admin/decks/${slug}/export.zip`);
    expect(importDeckZip(new Uint8Array(again.rawPayload)).bundle).toEqual(first.bundle);
    expect(Buffer.from(again.rawPayload).equals(Buffer.from(zipped.rawPayload))).toBe(true);

    const conflict = await adminCall('POST', '/api/admin/decks/import', { zipBase64 });
    expect(conflict.statusCode).toBe(409);
    const garbage = await adminCall('POST', '/api/admin/decks/import', { zipBase64: Buffer.from('not a zip').toString('base64') });
    expect([garbage.statusCode, errorOf(garbage).code]).toEqual([400, 'validation_failed']);
  }, 30_000);

  it('accepts a deck zip larger than the app-wide body limit on the import route only', async () => {
    const big = Buffer.alloc(1024 * 1024 + 10, 65).toString('base64');
    const res = await adminCall('POST', '/api/admin/decks/import', { zipBase64: big });
    expect([res.statusCode, errorOf(res).code]).toEqual([400, 'validation_failed']);
    const elsewhere = await adminCall('POST', '/api/admin/decks', { slug: 'x', title: big, description: 'y' });
    expect(elsewhere.statusCode).toBe(413);
  });
});
