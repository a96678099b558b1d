import { mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import type { HeldLock } from '../../apps/api/test/support/content-lock';
import { signUp, type TLearner } from './support/api';
import { launchBrowser, type TBrowser } from './support/browser';
import { holdBuiltInContent } from './support/content';
import { REPO_ROOT, startStack, type TStack } from './support/stack';

/**
 * The admin area in a real browser against the real stack (API, grading worker with the authoring sandbox, web):
 * every /admin page refuses learners (403) and sends visitors to sign in; an admin authors a deck with a card and a
 * problem, checks and publishes them from the pages alone; a learner enrolls, reviews the card and solves the
 * problem; the admin edits the problem (a publish without a passing check is refused, naming why) and the learner's
 * progress stays; the change is in the audit log. Screenshots of each admin page in both themes go to SCREENSHOT_DIR.
 */
jest.setTimeout(300_000);

const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR || path.join(REPO_ROOT, 'test-results/screenshots');
const ADMIN_APP_DIR = path.join(REPO_ROOT, 'apps/web/src/app/admin');
const BUILT_IN_PROBLEM = 'merge-sorted-array';
const run = randomUUID().slice(0, 6);
const DECK_SLUG = `e2e-curated-${run}`;
const DECK_TITLE = `Curated basics ${run}`;
const PROBLEM_SLUG = `e2e-sum-${run}`;
const PROBLEM_TITLE = `Sum an array ${run}`;
const CARD_FRONT = `What does a prefix sum give in $O(1)$? (${run})`;
const CARD_BACK =
  'The sum of any range: $\\sum_{i=l}^{r} a_i = P_{r+1} - P_l$.\n\n```ts\nconst range = (l: number, r: number) => P[r + 1] - P[l];\n```';
const RIGHT_SOLUTION =
  'function sumArray(nums: number[]): number {\n  let total = 0;\n  for (const x of nums) total += x;\n  return total;\n}\n';
const EDITED_LINE = 'Edited after learners solved it: the total of an empty array is 0.';

let stack: TStack | undefined;
let content: HeldLock | undefined;
let browser: TBrowser | undefined;
let admin: TLearner;
let learner: TLearner;
let adminPage: Page;
let learnerPage: Page;
let cardItem = '';
const pageErrors: string[] = [];

function web(): TStack {
  if (!stack) throw new Error('the stack did not start (see the beforeAll error)');
  return stack;
}

/** The page in the light theme, then the dark one, as web.spec.ts takes them. */
async function screenshots(name: string, target: Page = adminPage, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Notices would cover the page (each has been seen by the step that waited for it): hidden while pictured.
  const hideNotices = (hidden: boolean) =>
    target.evaluate((value) => {
      document.querySelectorAll<HTMLElement>('.toast-viewport').forEach((el) => (el.style.visibility = value ? 'hidden' : ''));
    }, hidden);
  await hideNotices(true);
  await target.evaluate(() => window.scrollTo(0, 0));
  for (const scheme of ['light', 'dark'] as const) {
    await target.emulateMedia({ colorScheme: scheme });
    await target.waitForFunction((expected) => document.documentElement.dataset.theme === expected, scheme);
    await target.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${scheme}.png`), fullPage });
  }
  await target.emulateMedia({ colorScheme: 'light' });
  await hideNotices(false);
}

async function contextFor(person: TLearner): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser!.newContext();
  const [name, value] = person.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: web().webUrl, httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page };
}

async function apiFromPage<T>(target: Page, method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
  return target.evaluate(
    async ({ method, url, body }) => {
      const response = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { method, url, body },
  ) as Promise<{ status: number; body: T }>;
}

/** Replaces a CodeMirror editor's text as a person would. */
async function typeCode(target: Page, editor: ReturnType<Page['locator']>, code: string): Promise<void> {
  await editor.click();
  await target.keyboard.press('ControlOrMeta+a');
  await target.keyboard.press('Delete');
  await target.keyboard.insertText(code);
}

/**
 * Every /admin page of the app, from the file tree (so a new page cannot be left out of the guard test), with its
 * dynamic segments filled with a sample value.
 */
function adminPages(): string[] {
  const found: string[] = [];
  const walk = (dir: string, route: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) {
        const segment = entry.replace(/^\[slug\]$/, BUILT_IN_PROBLEM).replace(/^\[id\]$/, 'some-card');
        walk(full, `${route}/${segment}`);
      } else if (entry === 'page.tsx') {
        found.push(route);
      }
    }
  };
  walk(ADMIN_APP_DIR, '/admin');
  return found.sort();
}

beforeAll(async () => {
  content = await holdBuiltInContent();
  stack = await startStack({ web: true, workers: 1, env: { GRADER_POOL_SIZE: '1' } });
  [admin, learner] = await Promise.all([signUp(stack.webUrl), signUp(stack.webUrl)]);
  // The demo admin is made by `npm run admin:create`; here the role is set in the database the same way.
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    await db.query(`UPDATE "User" SET role = 'admin' WHERE id = $1`, [admin.id]);
  } finally {
    await db.end();
  }
  browser = await launchBrowser();
  adminPage = (await contextFor(admin)).page;
  learnerPage = (await contextFor(learner)).page;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await content?.release();
}, 60_000);

describe('the /admin pages are for admins only', () => {
  const pages = adminPages();

  it('finds every admin page in the app', () => {
    expect(pages).toEqual(expect.arrayContaining(['/admin', '/admin/audit', '/admin/decks', '/admin/problems', '/admin/users']));
    expect(pages.length).toBeGreaterThanOrEqual(9);
  });

  it('sends an anonymous visitor of every admin page to sign in, and back', async () => {
    for (const page of pages) {
      const response = await fetch(`${web().webUrl}${page}`, { redirect: 'manual' });
      expect({ page, status: response.status }).toEqual({ page, status: 307 });
      expect(response.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(page)}`);
    }
  });

  it('answers a learner with 403 on every admin page', async () => {
    for (const page of pages) {
      const response = await fetch(`${web().webUrl}${page}`, { redirect: 'manual', headers: { cookie: learner.cookie } });
      expect({ page, status: response.status }).toEqual({ page, status: 403 });
      expect(await response.text()).toContain('Admins only');
    }
  });

  it('shows the Admin link in the header to admins only', async () => {
    await learnerPage.goto(`${web().webUrl}/`);
    await learnerPage.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await learnerPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await learnerPage.goto(`${web().webUrl}/admin/users`);
    await learnerPage.getByTestId('forbidden').waitFor();
    await screenshots('admin-forbidden', learnerPage);

    await adminPage.goto(`${web().webUrl}/`);
    await adminPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await adminPage.waitForURL(`${web().webUrl}/admin/decks`);
  });
});

describe('an admin curates, a learner studies', () => {
  it('lists and finds accounts on the Users page', async () => {
    await adminPage.goto(`${web().webUrl}/admin/users?q=${encodeURIComponent(learner.email)}`);
    const row = adminPage.getByTestId(`user-${learner.email}`);
    await row.waitFor();
    expect(await row.getByLabel(`Role of ${learner.email}`).inputValue()).toBe('learner');
    await adminPage.goto(`${web().webUrl}/admin/users`);
    await adminPage.getByTestId('users-table').waitFor();
    await screenshots('admin-users');
  });

  it('shows built-in problems read-only, with Fork', async () => {
    await adminPage.goto(`${web().webUrl}/admin/problems`);
    const row = adminPage.getByTestId(`admin-problem-${BUILT_IN_PROBLEM}`);
    await row.getByRole('button', { name: 'Fork' }).waitFor();
    await screenshots('admin-problems');
    await row.getByRole('link', { name: 'View' }).click();
    await adminPage.waitForURL(`${web().webUrl}/admin/problems/${BUILT_IN_PROBLEM}`);
    await adminPage.getByRole('note').filter({ hasText: 'read-only' }).waitFor();
    expect(await adminPage.getByRole('button', { name: /Save draft|Publish/ }).count()).toBe(0);
    await adminPage.getByRole('tab', { name: 'Tests' }).click();
    await adminPage.getByTestId('tests-table').waitFor();
    await screenshots('admin-problem-builtin');
    // Fork: an editable draft copy under a new slug; the built-in problem stays as it was.
    await adminPage.getByRole('button', { name: 'Fork' }).click();
    const dialog = adminPage.getByRole('dialog', { name: /^Fork/ });
    await dialog.getByLabel('New slug').fill(`${BUILT_IN_PROBLEM}-${run}`);
    await dialog.getByRole('button', { name: 'Fork as a draft' }).click();
    await adminPage.waitForURL(`${web().webUrl}/admin/problems/${BUILT_IN_PROBLEM}-${run}`);
    await adminPage.getByRole('button', { name: 'Save draft' }).waitFor();
    await adminPage
      .locator('.badge', { hasText: /^Draft$/ })
      .first()
      .waitFor();
  });

  it('forks a built-in deck into an editable draft', async () => {
    await adminPage.goto(`${web().webUrl}/admin/decks`);
    await adminPage.getByTestId('admin-deck-flashattention').getByRole('button', { name: 'Fork' }).click();
    const dialog = adminPage.getByRole('dialog', { name: /^Fork/ });
    await dialog.getByLabel('New slug').fill(`flashattention-${run}`);
    await dialog.getByRole('button', { name: 'Fork as a draft' }).click();
    await adminPage.waitForURL(`${web().webUrl}/admin/decks/flashattention-${run}`);
    await adminPage.getByRole('button', { name: 'Publish' }).waitFor();
    await adminPage.getByRole('button', { name: 'Save details' }).waitFor();
  });

  it('creates a deck from the Decks page', async () => {
    await adminPage.goto(`${web().webUrl}/admin/decks`);
    await adminPage.getByRole('button', { name: 'New deck' }).click();
    const dialog = adminPage.getByRole('dialog', { name: 'New deck' });
    await dialog.getByLabel('Title').fill(DECK_TITLE);
    await dialog.getByLabel('Slug').fill(DECK_SLUG);
    await dialog.getByLabel('Description').fill('Prefix sums and a first graded problem, written in the admin pages.');
    await dialog.getByLabel('Tags').fill('arrays, prefix-sums');
    await screenshots('admin-deck-new', adminPage, false);
    await dialog.getByRole('button', { name: 'Create draft' }).click();
    await adminPage.waitForURL(`${web().webUrl}/admin/decks/${DECK_SLUG}`);
    await adminPage.getByRole('heading', { level: 1, name: DECK_TITLE }).waitFor();
  });

  it('adds a card, previewed with the review page renderer (math and code)', async () => {
    await adminPage.getByRole('link', { name: 'New card' }).click();
    await adminPage.waitForURL(`${web().webUrl}/admin/decks/${DECK_SLUG}/cards/new`);
    await adminPage.getByLabel('Front').fill(CARD_FRONT);
    await adminPage.getByLabel('Back').fill(CARD_BACK);
    await adminPage.getByLabel('Tags').fill('prefix-sums');
    const preview = adminPage.getByTestId('card-preview');
    await preview.locator('.katex').first().waitFor();
    await preview.locator('code.hljs, pre code').first().waitFor();
    await screenshots('admin-card-editor');
    await adminPage.getByRole('button', { name: 'Add card' }).click();
    await adminPage.waitForURL(`${web().webUrl}/admin/decks/${DECK_SLUG}`);
    await adminPage
      .getByTestId('deck-items')
      .getByText(/prefix sum/)
      .waitFor();
  });

  it('imports cards from CSV, flagging a near-duplicate of a card already in the deck', async () => {
    const csv = `front,back,tags\n"What does a prefix sum give in $O(1)$? (${run})","Range sums.",prefix-sums\n"When is a difference array useful?","Many range updates, one read at the end.",prefix-sums`;
    const importer = adminPage.getByTestId('card-import');
    await importer.getByLabel('CSV').fill(csv);
    await importer.getByRole('button', { name: 'Preview' }).click();
    const preview = importer.getByTestId('import-preview');
    await preview
      .getByRole('note')
      .filter({ hasText: /like the card/ })
      .waitFor();
    // The duplicate is left out unless ticked: one card is imported.
    await importer.getByRole('button', { name: 'Import 1 card' }).click();
    await adminPage.getByTestId('deck-items').getByText('When is a difference array useful?').waitFor();
    const zip = await adminPage.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, type: response.headers.get('content-type'), size: (await response.arrayBuffer()).byteLength };
    }, `/api/admin/decks/${DECK_SLUG}/export.zip`);
    expect(zip).toMatchObject({ status: 200, type: expect.stringContaining('zip') });
    expect(zip.size).toBeGreaterThan(100);
  });

  it('writes a problem with a correct reference, checks it in the sandbox and publishes it', async () => {
    await adminPage.goto(`${web().webUrl}/admin/problems/new`);
    await adminPage.getByLabel('Title').fill(PROBLEM_TITLE);
    await adminPage.getByLabel('Slug').fill(PROBLEM_SLUG);
    await adminPage.getByRole('button', { name: 'Create draft' }).click();
    await adminPage.waitForURL(`${web().webUrl}/admin/problems/${PROBLEM_SLUG}`);
    // Publishing before any check is refused, and the page says why.
    await adminPage.getByRole('button', { name: 'Publish' }).click();
    await adminPage
      .getByTestId('publish-refusal')
      .getByText(/not been checked/)
      .waitFor();
    await adminPage.getByRole('button', { name: 'Check', exact: true }).click();
    await adminPage.locator('[data-testid="check-panel"] [data-testid="check-state"][data-state="passed"]').waitFor({ timeout: 120_000 });
    expect(await adminPage.getByTestId('check-report').textContent()).toMatch(/Accepted/);
    await screenshots('admin-problem-checked');
    await adminPage.getByRole('button', { name: 'Publish' }).click();
    await adminPage.getByRole('heading', { level: 1, name: PROBLEM_TITLE }).waitFor();
    await adminPage
      .locator('.badge', { hasText: /^Published$/ })
      .first()
      .waitFor();
  });

  it('shows why a failing draft cannot be published: the check names the failures', async () => {
    await adminPage.getByRole('tab', { name: 'Code' }).click();
    // A reference that returns the starter's answer: the starter then passes and the expected outputs are wrong.
    const reference = adminPage.locator('.code-field').nth(1).locator('.cm-content');
    await typeCode(adminPage, reference, 'function sumArray(nums: number[]): number {\n  return 0;\n}\n');
    await adminPage.getByRole('button', { name: 'Save and check' }).click();
    await adminPage.locator('[data-testid="check-panel"] [data-testid="check-state"][data-state="failed"]').waitFor({ timeout: 120_000 });
    expect(await adminPage.getByTestId('check-failures').textContent()).toMatch(/Expected output disagrees|Starter is accepted/);
    await adminPage.getByRole('button', { name: 'Publish' }).click();
    await adminPage.getByTestId('publish-refusal').getByTestId('check-failures').waitFor();
    await screenshots('admin-problem-refused');
    // Back to the published version: restore it from the history as the draft.
    await adminPage.getByRole('tab', { name: 'History' }).click();
    const versions = adminPage.getByTestId('problem-versions');
    await versions.getByRole('button', { name: 'Contents' }).click();
    await versions.getByTestId('version-diff').waitFor();
    await versions.getByRole('button', { name: 'Restore' }).first().click();
    await adminPage.getByRole('alertdialog').getByRole('button', { name: 'Restore as draft' }).click();
    await adminPage.locator('.toast__title', { hasText: 'Version 1 is the draft now' }).waitFor();
    const restored = await apiFromPage<{ draft: { source: { reference: string } } | null }>(
      adminPage,
      'GET',
      `/api/admin/problems/${PROBLEM_SLUG}`,
    );
    expect(restored.body.draft?.source.reference).toContain('total += x');
  });

  it('adds the problem to the deck and publishes the deck', async () => {
    await adminPage.goto(`${web().webUrl}/admin/decks/${DECK_SLUG}`);
    await adminPage.getByLabel('Problem to add').selectOption(PROBLEM_SLUG);
    await adminPage.getByRole('button', { name: 'Add', exact: true }).click();
    await adminPage.getByRole('button', { name: 'Save items' }).click();
    await adminPage.locator('.toast__title', { hasText: 'Order saved' }).waitFor();
    await adminPage.getByTestId('deck-items').getByRole('link', { name: PROBLEM_TITLE }).waitFor();
    await adminPage.getByRole('button', { name: 'Save items', disabled: true }).waitFor();
    await adminPage.getByRole('button', { name: 'Publish' }).click();
    await adminPage.getByRole('alertdialog').getByRole('button', { name: 'Publish' }).click();
    await adminPage.getByRole('button', { name: 'Unpublish' }).waitFor();
    await screenshots('admin-deck-editor');
    await adminPage.goto(`${web().webUrl}/admin/decks`);
    await adminPage.getByTestId(`admin-deck-${DECK_SLUG}`).getByText('Published').waitFor();
    await screenshots('admin-decks');
  });

  it('lets a learner enroll, review the card and solve the problem', async () => {
    await learnerPage.goto(`${web().webUrl}/decks`);
    const deck = learnerPage.getByTestId(`deck-${DECK_SLUG}`);
    await deck.getByRole('button', { name: /^Enroll in / }).click();
    await deck.getByRole('button', { name: /^Enrolled in / }).waitFor();
    await learnerPage.goto(`${web().webUrl}/review`);
    const card = learnerPage.getByTestId('review-card');
    await card.waitFor();
    cardItem = (await card.getAttribute('data-item-id'))!;
    expect(cardItem).toMatch(/^card:/);
    await learnerPage.keyboard.press('Space');
    await learnerPage.getByTestId('card-back').locator('.katex').first().waitFor();
    await learnerPage.keyboard.press('3');
    await learnerPage.waitForFunction(() =>
      document.querySelector('[data-testid="review-progress"]')?.textContent?.trim().startsWith('1 '),
    );

    await learnerPage.goto(`${web().webUrl}/problems/${PROBLEM_SLUG}`);
    await typeCode(learnerPage, learnerPage.locator('.cm-content'), RIGHT_SOLUTION);
    await learnerPage.keyboard.press('ControlOrMeta+Enter');
    await learnerPage.locator('[data-testid="verdict"][data-verdict="accepted"]').waitFor({ timeout: 90_000 });
    await learnerPage.locator('[data-testid="problem-status"]', { hasText: 'Solved' }).waitFor();
  });

  it('keeps the learner progress when the admin edits and republishes the problem', async () => {
    type TProblemPage = { status: string; review: unknown };
    const before = await apiFromPage<TProblemPage>(learnerPage, 'GET', `/api/problems/${PROBLEM_SLUG}`);
    expect(before.body.status).toBe('solved');
    const cardBefore = await apiFromPage<{ item: { state: unknown } }>(learnerPage, 'GET', `/api/items/${cardItem}`);

    await adminPage.goto(`${web().webUrl}/admin/problems/${PROBLEM_SLUG}`);
    const statement = adminPage.getByRole('textbox', { name: 'Statement' });
    await statement.fill(`${await statement.inputValue()}\n\n${EDITED_LINE}`);
    await adminPage.getByRole('button', { name: 'Save and check' }).click();
    await adminPage.locator('[data-testid="check-panel"] [data-testid="check-state"][data-state="passed"]').waitFor({ timeout: 120_000 });
    await adminPage.getByRole('button', { name: 'Publish' }).click();
    await adminPage.locator('.badge', { hasText: /^Unpublished edits$/ }).waitFor({ state: 'detached' });
    await adminPage.getByRole('tab', { name: 'History' }).click();
    await adminPage.getByTestId('problem-versions').waitFor();
    await screenshots('admin-problem-history');

    const after = await apiFromPage<TProblemPage>(learnerPage, 'GET', `/api/problems/${PROBLEM_SLUG}`);
    expect(JSON.stringify(after.body)).toContain(EDITED_LINE);
    expect(after.body.status).toBe('solved');
    expect(after.body.review).toEqual(before.body.review);
    const cardAfter = await apiFromPage<{ item: { state: unknown } }>(learnerPage, 'GET', `/api/items/${cardItem}`);
    expect(cardAfter.body.item.state).toEqual(cardBefore.body.item.state);
    await learnerPage.goto(`${web().webUrl}/problems/${PROBLEM_SLUG}`);
    await learnerPage.locator('[data-testid="problem-status"]', { hasText: 'Solved' }).waitFor();
    await learnerPage.getByText(EDITED_LINE).waitFor();
  });

  it('finds the change in the audit log, with before and after', async () => {
    await adminPage.goto(`${web().webUrl}/admin/audit?entityType=problem&entityId=${PROBLEM_SLUG}`);
    const events = adminPage.getByTestId('audit-event');
    await events.first().waitFor();
    const actions = await events.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));
    expect(actions.filter((action) => action === 'problem.published').length).toBeGreaterThanOrEqual(2);
    const published = adminPage.locator('[data-testid="audit-event"][data-action="problem.published"]').first();
    await published.locator('summary').click();
    await published.locator('.field-diff').waitFor();
    await screenshots('admin-audit');
    expect(pageErrors).toEqual([]);
  });
});
