import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { loadContent } from '@prep/problems';
import { CliModule } from '../src/cli.module';
import { parseEnv, ZCliEnv } from '../src/config/env';
import { ContentLinksService } from '../src/modules/content/content-links.service';
import { ContentSyncService } from '../src/modules/content/content-sync.service';
import { PrismaService } from '../src/modules/prisma/prisma.service';
import { holdContentLock, type HeldLock } from './support/content-lock';

const FIXTURE = path.resolve(__dirname, '../../../packages/problems/test/fixtures/valid');

/** A private copy of the fixture content, with slugs/ids made unique so this test owns its rows. */
function contentCopy(suffix: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-'));
  fs.cpSync(FIXTURE, root, { recursive: true });
  fs.renameSync(path.join(root, 'problems/add-two'), path.join(root, `problems/add-two-${suffix}`));
  fs.renameSync(path.join(root, 'decks/basics'), path.join(root, `decks/basics-${suffix}`));
  fs.renameSync(path.join(root, 'cards/basics'), path.join(root, `cards/basics-${suffix}`));
  const rewrite = (file: string, edit: (t: string) => string) =>
    fs.writeFileSync(path.join(root, file), edit(fs.readFileSync(path.join(root, file), 'utf8')));
  rewrite(`decks/basics-${suffix}/deck.yaml`, (t) => t.replace('[add-two]', `[add-two-${suffix}]`));
  rewrite(`problems/add-two-${suffix}/problem.md`, (t) =>
    t.replace('decks: [basics]', `decks: [basics-${suffix}]`).replace('concepts: [basics-', `concepts: [${suffix}-`),
  );
  rewrite(`problems/add-two-${suffix}/tests.ts`, (t) =>
    t.replace(/'[./]+\/src\/testkit'/, JSON.stringify(path.resolve(__dirname, '../../../packages/problems/src/testkit'))),
  );
  rewrite(`cards/basics-${suffix}/arithmetic.md`, (t) =>
    t.replace(/id: basics-/g, `id: ${suffix}-`).replace('practice: add-two', `practice: add-two-${suffix}`),
  );
  return root;
}

describe('content sync', () => {
  let app: INestApplicationContext;
  let sync: ContentSyncService;
  let links: ContentLinksService;
  let prisma: PrismaService;
  let lock: HeldLock;

  beforeAll(async () => {
    // A sync retires every item it is not given: no file that uses other content may run meanwhile.
    lock = await holdContentLock('exclusive');
    app = await NestFactory.createApplicationContext(CliModule.forRoot(parseEnv(ZCliEnv, process.env)), { logger: false });
    sync = app.get(ContentSyncService);
    links = app.get(ContentLinksService);
    prisma = app.get(PrismaService);
  }, 600_000);
  afterAll(async () => {
    await app.close();
    await lock.release();
  });

  it('creates, then reports unchanged, then updates a bumped version without losing progress', async () => {
    const suffix = `s${Date.now().toString(36)}`;
    const root = contentCopy(suffix);
    const slug = `add-two-${suffix}`;

    const first = await sync.sync(loadContent(root));
    expect(first.problems).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    expect(first.cards).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(first.decks).toMatchObject({ created: 1 });

    const second = await sync.sync(loadContent(root));
    expect(second.problems).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(second.cards).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    const user = await prisma.user.create({ data: { email: `sync-${suffix}@example.com`, passwordHash: 'x' } });
    await prisma.submission.create({
      data: {
        userId: user.id,
        problemSlug: slug,
        problemVersion: 1,
        mode: 'submit',
        code: 'function add(a, b) { return a + b; }',
        status: 'graded',
        verdict: 'accepted',
      },
    });

    const problemFile = path.join(root, `problems/${slug}/problem.md`);
    fs.writeFileSync(
      problemFile,
      fs.readFileSync(problemFile, 'utf8').replace('version: 1', 'version: 2').replace('Return the sum', 'Return the exact sum'),
    );
    const third = await sync.sync(loadContent(root));
    expect(third.problems).toMatchObject({ created: 0, updated: 1, unchanged: 0 });

    const problem = await prisma.problem.findUniqueOrThrow({ where: { slug } });
    expect(problem.version).toBe(2);
    const submissions = await prisma.submission.findMany({ where: { userId: user.id } });
    expect(submissions).toHaveLength(1);
    expect(submissions[0]).toMatchObject({ problemSlug: slug, problemVersion: 1, verdict: 'accepted' });
  });

  it('stores learner-facing detail with sample answers from the reference, and retires removed items instead of deleting them', async () => {
    const suffix = `r${Date.now().toString(36)}`;
    const root = contentCopy(suffix);
    await sync.sync(loadContent(root));
    const problem = await prisma.problem.findUniqueOrThrow({ where: { slug: `add-two-${suffix}` } });
    expect(problem.detail).toMatchObject({ functionName: 'add', sampleTests: [{ name: 'small', args: [1, 2], expected: 3 }] });

    const cardFile = path.join(root, `cards/basics-${suffix}/arithmetic.md`);
    fs.writeFileSync(cardFile, fs.readFileSync(cardFile, 'utf8').split('## Why is')[0]!);
    const report = await sync.sync(loadContent(root));
    expect(report.cards).toMatchObject({ unchanged: 1, retired: 1 });
    const retired = await prisma.card.findUniqueOrThrow({ where: { id: `${suffix}-float-sum` } });
    expect(retired.retiredAt).not.toBeNull();
  });

  it('leaves authored decks and cards alone: never retired, and a file reusing an authored id does not overwrite it', async () => {
    const suffix = `a${Date.now().toString(36)}`;
    const authored = { source: 'authored', status: 'published', contentHash: '' } as const;
    await prisma.deck.create({
      data: {
        slug: `authored-${suffix}`,
        title: 'Authored',
        description: 'An admin wrote it.',
        tags: [],
        problemSlugs: [],
        cardTopics: [],
        ...authored,
      },
    });
    // The same id as a card of the files: the admin's card stays as the admin wrote it.
    await prisma.card.create({
      data: {
        id: `${suffix}-two-plus-two`,
        version: 1,
        deck: `authored-${suffix}`,
        topic: 't',
        front: 'Mine',
        back: 'Mine',
        tags: [],
        ...authored,
      },
    });
    const report = await sync.sync(loadContent(contentCopy(suffix)));
    expect(report.cards.created).toBe(1);
    expect(await prisma.deck.findUniqueOrThrow({ where: { slug: `authored-${suffix}` } })).toMatchObject({
      retiredAt: null,
      source: 'authored',
    });
    expect(await prisma.card.findUniqueOrThrow({ where: { id: `${suffix}-two-plus-two` } })).toMatchObject({
      front: 'Mine',
      retiredAt: null,
    });
  });

  it('stores concept links from both sides and serves them in order, one item or a batch, without retired items', async () => {
    const suffix = `l${Date.now().toString(36)}`;
    const root = contentCopy(suffix);
    const slug = `add-two-${suffix}`;
    const [twoPlusTwo, floatSum] = [`${suffix}-two-plus-two`, `${suffix}-float-sum`];
    const practice = [{ slug, title: 'Add Two Numbers' }];

    // The problem builds on two-plus-two (its concepts); float-sum names the problem as practice only.
    const first = await sync.sync(loadContent(root));
    expect(first.links).toEqual({ created: 2, updated: 0, unchanged: 0, removed: 0 });
    expect(await links.conceptsForProblem(slug)).toEqual([{ id: twoPlusTwo, front: 'What is $2 + 2$?' }]);
    const batch = await links.practiceForCards([twoPlusTwo, floatSum, 'no-such-card']);
    expect([...batch.entries()]).toEqual([
      [twoPlusTwo, practice],
      [floatSum, practice],
      ['no-such-card', []],
    ]);
    expect((await sync.sync(loadContent(root))).links).toEqual({ created: 0, updated: 0, unchanged: 2, removed: 0 });

    // Both cards become concepts, float-sum first: both stored links change order in place.
    const problemFile = path.join(root, `problems/${slug}/problem.md`);
    const cardFile = path.join(root, `cards/basics-${suffix}/arithmetic.md`);
    const edit = (file: string, from: string, to: string) => fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(from, to));
    edit(problemFile, `concepts: [${twoPlusTwo}]`, `concepts: [${floatSum}, ${twoPlusTwo}]`);
    edit(cardFile, `; practice: ${slug}`, '');
    expect((await sync.sync(loadContent(root))).links).toEqual({ created: 0, updated: 2, unchanged: 0, removed: 0 });
    expect((await links.conceptsForProblem(slug)).map((c) => c.id)).toEqual([floatSum, twoPlusTwo]);

    // A retired card is not served as a concept, and a retired problem not as practice.
    await prisma.card.update({ where: { id: floatSum }, data: { retiredAt: new Date() } });
    expect([...(await links.conceptsForProblems([slug, 'no-such-problem'])).entries()]).toEqual([
      [slug, [{ id: twoPlusTwo, front: 'What is $2 + 2$?' }]],
      ['no-such-problem', []],
    ]);
    await prisma.problem.update({ where: { slug }, data: { retiredAt: new Date() } });
    expect(await links.practiceForCard(twoPlusTwo)).toEqual([]);

    // The next sync revives both, and links the files no longer declare are removed.
    edit(problemFile, `concepts: [${floatSum}, ${twoPlusTwo}]\n`, '');
    const last = await sync.sync(loadContent(root));
    expect(last.links).toEqual({ created: 0, updated: 0, unchanged: 0, removed: 2 });
    expect(await links.conceptsForProblem(slug)).toEqual([]);
    expect(await links.practiceForCard(twoPlusTwo)).toEqual([]);
  });

  it('lists each deck’s items in learning order and keeps enrolled learners’ queues in step with the content', async () => {
    const suffix = `q${Date.now().toString(36)}`;
    const root = contentCopy(suffix);
    await sync.sync(loadContent(root));
    const deckSlug = `basics-${suffix}`;
    const items = await prisma.deckItem.findMany({ where: { deckSlug }, orderBy: { position: 'asc' } });
    expect(items.map((i) => `${i.kind}:${i.refId}`)).toEqual([
      `card:${suffix}-two-plus-two`,
      `card:${suffix}-float-sum`,
      `problem:add-two-${suffix}`,
    ]);

    const user = await prisma.user.create({ data: { email: `queue-${suffix}@example.com`, passwordHash: 'x' } });
    await prisma.enrollment.create({ data: { userId: user.id, deckSlug } });
    await sync.sync(loadContent(root));
    const states = () => prisma.studyState.findMany({ where: { userId: user.id }, orderBy: { newRank: 'asc' } });
    expect((await states()).map((s) => [s.refId, s.state, s.paused, s.retired])).toEqual([
      [`${suffix}-two-plus-two`, 'new', false, false],
      [`${suffix}-float-sum`, 'new', false, false],
      [`add-two-${suffix}`, 'new', false, false],
    ]);

    const cardFile = path.join(root, `cards/basics-${suffix}/arithmetic.md`);
    fs.writeFileSync(cardFile, fs.readFileSync(cardFile, 'utf8').split('## Why is')[0]!);
    await sync.sync(loadContent(root));
    expect((await states()).find((s) => s.refId === `${suffix}-float-sum`)).toMatchObject({ retired: true, paused: true });
    expect(await prisma.deckItem.count({ where: { deckSlug } })).toBe(2);
  });

  it('never updates or retires an authored problem, even one whose slug a built-in problem takes later', async () => {
    const suffix = `a${Date.now().toString(36)}`;
    const root = contentCopy(suffix);
    const clash = `add-two-${suffix}`;
    const authored = `authored-${suffix}`;
    const row = (slug: string) => ({
      slug,
      version: 1,
      title: `Authored ${slug}`,
      difficulty: 'easy',
      tags: ['math'],
      decks: [],
      detail: {},
      contentHash: 'authored',
      source: 'authored',
      status: 'published',
    });
    await prisma.problem.createMany({ data: [row(clash), row(authored)] });

    const report = await sync.sync(loadContent(root));
    expect(report.problems).toMatchObject({ created: 0, updated: 0 });
    const after = await prisma.problem.findMany({ where: { slug: { in: [clash, authored] } }, orderBy: { slug: 'asc' } });
    expect(after.map((p) => [p.slug, p.source, p.status, p.title, p.retiredAt])).toEqual([
      [clash, 'authored', 'published', `Authored ${clash}`, null],
      [authored, 'authored', 'published', `Authored ${authored}`, null],
    ]);
  });
});
