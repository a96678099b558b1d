import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { launchBrowser, type TBrowser } from './support/browser';
import type { HeldLock } from '../../apps/api/test/support/content-lock';
import { holdBuiltInContent } from './support/content';
import { HOSTILE_CARD, HOSTILE_DECK, insertHostileCard, removeHostileCard } from './support/hostile-content';
import { REPO_ROOT, startStack, type TStack } from './support/stack';

/**
 * The learner's product in one real browser against the real stack (API, grading worker, web, Postgres, Redis):
 * accounts, the security headers, the whole loop of the issue (enroll, review with the keyboard, solve a problem,
 * see progress, sign out and in, a second learner sees nothing of the first), sanitised Markdown, and a check that
 * no request ever leaves the app's origin. Screenshots of every page in both themes go to SCREENSHOT_DIR.
 */
jest.setTimeout(240_000);

const SESSION_COOKIE = 'prep_session';
const PASSWORD = 'correct-horse-battery-staple';
const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR || path.join(REPO_ROOT, 'test-results/screenshots');
const CONCEPT_DECK = 'mixed-precision';
const PROBLEM = 'merge-sorted-array';

const WRONG_SOLUTION = `function merge(nums1: number[], m: number, nums2: number[], n: number): void {
  for (let i = 0; i < n; i++) nums1[m + i] = nums2[i];
}
`;
const TYPE_ERROR = `function merge(nums1: number[], m: number, nums2: number[], n: number): void {
  const count: number = "three";
}
`;
const RIGHT_SOLUTION = `function merge(nums1: number[], m: number, nums2: number[], n: number): void {
  let i = m - 1;
  let j = n - 1;
  for (let k = m + n - 1; j >= 0; k--) {
    nums1[k] = i >= 0 && nums1[i] > nums2[j] ? nums1[i--] : nums2[j--];
  }
}
`;

let stack: TStack | undefined;
let content: HeldLock | undefined;
let browser: TBrowser | undefined;
let page: Page;
const email = `e2e-${randomUUID().slice(0, 8)}@example.com`;
const secondEmail = `e2e-second-${randomUUID().slice(0, 8)}@example.com`;
const foreignRequests: string[] = [];
const pageErrors: string[] = [];

function web(): TStack {
  if (!stack) throw new Error('the stack did not start (see the beforeAll error)');
  return stack;
}

/** Every request of a context must go to the app's own origin (data: and blob: URLs stay in the page). */
function watchOrigin(context: BrowserContext): void {
  context.on('request', (request: Request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== new URL(web().webUrl).origin) foreignRequests.push(url);
  });
}

function watchErrors(target: Page): void {
  target.on('pageerror', (error) => pageErrors.push(error.message));
}

/** The page in the light theme, then the dark one (the system setting the default theme follows), without a reload. */
async function screenshots(name: string, target: Page = page, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // From the top, so sticky headers sit where a person sees them.
  await target.evaluate(() => window.scrollTo(0, 0));
  for (const scheme of ['light', 'dark'] as const) {
    await target.emulateMedia({ colorScheme: scheme });
    await target.waitForFunction((expected) => document.documentElement.dataset.theme === expected, scheme);
    await target.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${scheme}.png`), fullPage });
  }
  await target.emulateMedia({ colorScheme: 'light' });
}

const accountGroup = (target: Page = page) => target.getByRole('group', { name: 'Account' });

async function sessionCookies() {
  return (await browser!.context.cookies(web().webUrl)).filter((cookie) => cookie.name === SESSION_COOKIE);
}

async function signIn(target: Page, address: string, password: string): Promise<void> {
  await target.goto(`${web().webUrl}/sign-in`);
  await target.getByLabel('Email').fill(address);
  await target.getByLabel('Password').fill(password);
  await target.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(target: Page = page): Promise<void> {
  await accountGroup(target)
    .getByRole('button', { name: /^Account:/ })
    .click();
  await target.getByRole('menuitem', { name: 'Sign out' }).click();
  await accountGroup(target).getByRole('link', { name: 'Sign in' }).waitFor();
}

/** Calls the API through the page (same origin, the page's session), for set-up and for comparing with the UI. */
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

type TStats = { today: { reviews: number; dueNow: { total: number } } };

/** What is due now, as the API counts it (the number of the title, the dashboard and reminder emails). */
async function dueNow(target: Page = page): Promise<number> {
  return (await apiFromPage<TStats>(target, 'GET', '/api/stats')).body.today.dueNow.total;
}

/**
 * Waits until the tab's title is "(N) <name> · Recall Prep" for the N the API counts at that moment (no count when
 * nothing is due), and returns N. Asked of the API each time, so a learning step coming due meanwhile cannot fool it.
 */
async function titleShowsDueCount(name: string, target: Page = page): Promise<number> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const seen = await target.evaluate(async () => {
      const stats = await (await fetch('/api/stats')).json();
      return { count: stats.today.dueNow.total as number, title: document.title };
    });
    const expected = `${seen.count > 0 ? `(${seen.count}) ` : ''}${name} · Recall Prep`;
    if (seen.title === expected) return seen.count;
    if (Date.now() > deadline) throw new Error(`the title is "${seen.title}", not "${expected}"`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Replaces the editor's code as a person would: focus it, select all, type (inserted whole, so no auto-closing). */
async function typeCode(code: string): Promise<void> {
  const editor = page.locator('.cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

beforeAll(async () => {
  // The built-in content, synced once and kept from other files' syncs while this file runs (the hostile deck is not
  // in the content files, so a sync would retire it).
  content = await holdBuiltInContent();
  stack = await startStack({ web: true, workers: 1, env: { GRADER_POOL_SIZE: '1' } });
  await insertHostileCard(process.env.DATABASE_URL!);
  browser = await launchBrowser();
  watchOrigin(browser.context);
  page = await browser.context.newPage();
  watchErrors(page);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await removeHostileCard(process.env.DATABASE_URL!).catch(() => undefined);
  await content?.release();
}, 60_000);

describe('security headers', () => {
  it('sends a strict, nonce-based CSP and the other headers on every page', async () => {
    const response = await fetch(`${web().webUrl}/sign-in`);
    const policy = response.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeDefined();
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).not.toMatch(/unsafe-eval|https?:\/\//);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    // Every script tag of the page carries this response's nonce; a second request gets another one.
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = await fetch(`${web().webUrl}/sign-in`);
    expect(again.headers.get('content-security-policy')).not.toContain(nonce!);
  });

  it('sends the same kind of headers on the API, through the proxy and directly', async () => {
    for (const url of [`${web().webUrl}/api/health`, `${web().apiUrl}/api/health`]) {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });
});

describe('accounts', () => {
  it('shows the product pitch and a way to sign up to a visitor', async () => {
    await page.goto(`${web().webUrl}/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/interviews/i);
    await accountGroup().getByRole('link', { name: 'Sign in' }).waitFor();
    await page.getByRole('link', { name: 'Create a free account' }).waitFor();
    await screenshots('home-signed-out');
  });

  it('checks the sign-up form against the shared schema before sending it', async () => {
    await page.goto(`${web().webUrl}/sign-up`);
    const registrations: string[] = [];
    const record = (request: Request) => {
      if (request.url().endsWith('/api/auth/register')) registrations.push(request.url());
    };
    page.on('request', record);
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.locator('#sign-up-email-error').waitFor();
    expect(await page.locator('#sign-up-email-error').textContent()).toBe('Must be a valid email address');
    expect(await page.locator('#sign-up-password-error').textContent()).toBe('Must be at least 10 characters');
    page.off('request', record);
    expect(registrations).toEqual([]);
    await screenshots('sign-up-errors');
  });

  it('signs up and lands on Today, with the session cookie out of reach of scripts', async () => {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${web().webUrl}/`);
    await page.getByTestId('signed-in-as').waitFor();
    expect(await page.getByTestId('signed-in-as').textContent()).toBe(`Signed in as ${email}`);
    const [cookie] = await sessionCookies();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);
  });

  it('shows the API error for a wrong password', async () => {
    const other = await browser!.newContext();
    watchOrigin(other);
    const visitor = await other.newPage();
    watchErrors(visitor);
    await signIn(visitor, email, 'wrong-password-123');
    const alert = visitor.getByTestId('form-error');
    await alert.waitFor();
    // The page shows what the API says, word for word.
    const response = await fetch(`${web().webUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: web().webUrl },
      body: JSON.stringify({ email, password: 'wrong-password-123' }),
    });
    expect(response.status).toBe(401);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid_credentials');
    expect((await alert.textContent())?.toLowerCase()).toBe(error.message.trim().toLowerCase());
    expect(visitor.url()).toBe(`${web().webUrl}/sign-in`);
    await screenshots('sign-in-error', visitor);
    await other.close();
  });
});

describe('the learner loop', () => {
  const reviewedIds: string[] = [];

  it('enrolls in a concept deck from the decks page', async () => {
    await page.goto(`${web().webUrl}/decks`);
    const deck = page.getByTestId(`deck-${CONCEPT_DECK}`);
    await deck.getByRole('button', { name: /^Enroll in / }).click();
    await deck.getByRole('button', { name: /^Enrolled in / }).waitFor();
    await screenshots('decks');
    // Concept cards only today, so the session below is five cards (problems come back on their own page).
    const settings = await apiFromPage(page, 'PUT', '/api/settings', { newPerDay: { problem: 0 } });
    expect(settings.status).toBe(200);
  });

  it('browses the deck and searches its items', async () => {
    await page.goto(`${web().webUrl}/decks/${CONCEPT_DECK}?q=bias`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const items = page.locator('[data-testid^="item-card:"]');
    expect(await items.count()).toBeGreaterThan(0);
    expect((await items.first().textContent())?.toLowerCase()).toContain('bias');
    await screenshots('deck');
  });

  it('reviews five cards with the keyboard alone: Space, 1–4 and one Z undo', async () => {
    await page.goto(`${web().webUrl}/review`);
    const card = page.getByTestId('review-card');
    const progress = page.getByTestId('review-progress');
    const doneCount = async () => Number((await progress.textContent())!.split('/')[0]!.trim());
    const keys = ['3', '1', '4', '2', '3'];
    let undone = false;
    for (let index = 0; index < keys.length; index++) {
      await card.waitFor();
      const id = await card.getAttribute('data-item-id');
      expect(id).toMatch(/^card:/);
      expect(await page.getByTestId('card-back').count()).toBe(0);
      await page.keyboard.press('Space');
      await page.getByTestId('card-back').waitFor();
      if (index === 0) {
        // "Practise it" on the back of a concept card: the problems the API links it to, each a link to its page.
        const detail = await apiFromPage<{ item: { content: { practice: { slug: string; title: string }[] } } }>(
          page,
          'GET',
          `/api/items/${id}`,
        );
        const practice = detail.body.item.content.practice;
        expect(practice.length).toBeGreaterThan(0);
        const links = card.getByTestId('practice-links').getByRole('link');
        expect(await links.allTextContents()).toEqual(practice.map((link) => link.title));
        expect(await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')))).toEqual(
          practice.map((link) => `/problems/${link.slug}`),
        );
        await screenshots('review-answer');
      }
      const before = await doneCount();
      await page.keyboard.press(keys[index]!);
      await page.waitForFunction(
        (expected) => document.querySelector('[data-testid="review-progress"]')?.textContent?.trim().startsWith(`${expected} `),
        before + 1,
      );
      reviewedIds.push(id!);
      if (index === 2 && !undone) {
        // Z puts the last card back, hidden again, and takes its review away.
        undone = true;
        await page.keyboard.press('z');
        await page.waitForFunction(
          (expected) => document.querySelector('[data-testid="review-progress"]')?.textContent?.trim().startsWith(`${expected} `),
          before,
        );
        expect(await card.getAttribute('data-item-id')).toBe(id);
        expect(await page.getByTestId('card-back').count()).toBe(0);
        reviewedIds.pop();
        index -= 1;
      }
    }
    expect(await doneCount()).toBe(5);
    expect(new Set(reviewedIds).size).toBeGreaterThanOrEqual(4);
    await card.waitFor();
    await screenshots('review-question');
  });

  it('shows the review session usable at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.getByTestId('review-card').waitFor();
    await page.keyboard.press('Space');
    await page.getByTestId('card-back').waitFor();
    const ratings = page.getByRole('group', { name: 'How well did you remember?' });
    const box = await ratings.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    await screenshots('review-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('shows what is due now in the title and on Today, and counts a review down without a reload', async () => {
    // Two of the cards just studied come due now.
    for (const id of reviewedIds.slice(0, 2)) {
      expect((await apiFromPage(page, 'POST', `/api/items/${id}/set-due`, { days: 0 })).status).toBe(200);
    }
    await page.goto(`${web().webUrl}/`);
    const count = await titleShowsDueCount('Today');
    expect(count).toBeGreaterThanOrEqual(2);
    expect(Number(await page.getByTestId('due-total').textContent())).toBe(count);
    // Client navigation to the session, then one rating: the title follows without a reload.
    await page.getByTestId('start-review').click();
    await page.waitForURL(`${web().webUrl}/review`);
    expect(await titleShowsDueCount('Review')).toBe(count);
    await page.getByTestId('review-card').waitFor();
    const navigations: string[] = [];
    const onNavigation = (frame: { url(): string }) => navigations.push(frame.url());
    page.on('framenavigated', onNavigation);
    await page.keyboard.press('Space');
    await page.getByTestId('card-back').waitFor();
    await page.keyboard.press('4');
    // Once the rating is stored (the session counts it), the title catches up.
    await page.waitForFunction(() => document.querySelector('[data-testid="review-progress"]')?.textContent?.trim().startsWith('1 '));
    expect(await titleShowsDueCount('Review')).toBe(count - 1);
    page.off('framenavigated', onNavigation);
    expect(navigations).toEqual([]);
  });

  it('runs code that does not compile and sees the error marked in the editor at its line', async () => {
    await page.goto(`${web().webUrl}/problems/${PROBLEM}`);
    await page.locator('.cm-content').waitFor();
    await typeCode(TYPE_ERROR);
    await page.keyboard.press("ControlOrMeta+'");
    await page.locator('[data-testid="verdict"][data-verdict="compilation_error"]').waitFor({ timeout: 60_000 });
    expect(await page.getByLabel('Compile errors').textContent()).toMatch(/Line 2:/);
    const marked = page.locator('.cm-lintRange-error');
    await marked.first().waitFor();
    expect(await marked.first().textContent()).toBe('count');
  });

  it('submits a wrong solution and sees its failing test, expected against actual', async () => {
    await typeCode(WRONG_SOLUTION);
    await page.keyboard.press('ControlOrMeta+Enter');
    const verdict = page.getByTestId('verdict');
    await verdict.waitFor({ timeout: 60_000 });
    expect(await verdict.getAttribute('data-verdict')).toBe('wrong_answer');
    const comparison = page.getByTestId('test-comparison');
    await comparison.waitFor();
    const expected = await comparison.getByTestId('expected').textContent();
    const actual = await comparison.getByTestId('actual').textContent();
    expect(expected).not.toBe(actual);
    expect(await comparison.locator('mark').count()).toBeGreaterThan(0);
    await screenshots('problem-wrong-answer');
  });

  it('submits a right solution and sees it accepted with the next review date', async () => {
    await typeCode(RIGHT_SOLUTION);
    await page.keyboard.press('ControlOrMeta+Enter');
    const verdict = page.locator('[data-testid="verdict"][data-verdict="accepted"]');
    await verdict.waitFor({ timeout: 60_000 });
    const nextReview = page.getByTestId('next-review');
    await nextReview.waitFor();
    expect(await nextReview.textContent()).toMatch(/^in \d+ (day|days|month|months)$|^tomorrow$/);
    // The header follows the rating at once: solved, and when it comes back.
    await page.locator('[data-testid="problem-status"]', { hasText: 'Solved' }).waitFor();
    expect(await page.getByTestId('problem-next-review').textContent()).toMatch(/Next review (tomorrow|in \d+ days?)/);
    // "Saved" means the server holds exactly the editor's code.
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    const stored = await apiFromPage<{ draft: { code: string } | null }>(page, 'GET', `/api/problems/${PROBLEM}`);
    expect(stored.body.draft?.code).toBe(RIGHT_SOLUTION);
    await page.getByRole('tab', { name: 'Submissions' }).click();
    await page.getByTestId('submission-history').waitFor();
    expect(await page.getByTestId('submission-history').locator('tbody tr').count()).toBe(2);
    await screenshots('problem-accepted');
  });

  it('lists the concepts behind a problem with my state, and reviews a due one in place', async () => {
    const slug = 'float16-decode';
    const problemPage = await apiFromPage<{ concepts: { id: string; state: string }[] }>(page, 'GET', `/api/problems/${slug}`);
    const concepts = problemPage.body.concepts;
    const studied = concepts.find((concept) => concept.state !== 'new');
    expect(studied).toBeDefined();
    expect((await apiFromPage(page, 'POST', `/api/items/card:${studied!.id}/set-due`, { days: 0 })).status).toBe(200);
    await page.goto(`${web().webUrl}/problems/${slug}`);
    const panel = page.getByTestId('concepts');
    await panel.waitFor();
    const rows = panel.locator('[data-testid^="concept-"]');
    expect(await rows.count()).toBe(concepts.length);
    for (const concept of concepts) {
      expect(await panel.getByTestId(`concept-${concept.id}`).locator('[data-state]').getAttribute('data-state')).toBe(concept.state);
    }
    // Open the studied one with the keyboard: the answer, then a rating, as in a review session.
    const row = panel.getByTestId(`concept-${studied!.id}`);
    await row.getByRole('button').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Concept card' });
    await dialog.getByTestId('concept-front').waitFor();
    await page.keyboard.press('Space');
    await dialog.getByTestId('concept-back').waitFor();
    expect(await dialog.getByTestId('practice-links').getByRole('link', { name: 'Float16 Decode' }).count()).toBe(0);
    await screenshots('problem-concept');
    const before = await dueNow();
    await page.keyboard.press('3');
    await dialog.getByTestId('concept-rated').waitFor();
    expect(await dueNow()).toBe(before - 1);
    const after = await apiFromPage<{ item: { state: { state: string } } }>(page, 'GET', `/api/items/card:${studied!.id}`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await row.locator(`[data-state="${after.body.item.state.state}"]`).waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid^="concept-"]')?.getAttribute('data-testid'))).toBe(
      `concept-${studied!.id}`,
    );
  });

  it('shows on Today the reviews done and what is due next', async () => {
    await page.goto(`${web().webUrl}/`);
    const shown = Number(await page.getByTestId('reviews-today').textContent());
    const stats = await apiFromPage<{ today: { reviews: number } }>(page, 'GET', '/api/stats');
    expect(shown).toBe(stats.body.today.reviews);
    expect(shown).toBeGreaterThanOrEqual(5);
    expect((await page.getByTestId('next-due').textContent())?.length).toBeGreaterThan(5);
    await page.getByTestId('start-review').waitFor();
    await screenshots('today');
  });

  it('keeps the progress after signing out and back in', async () => {
    const before = await page.getByTestId('reviews-today').textContent();
    await signOut();
    expect(await sessionCookies()).toEqual([]);
    await signIn(page, email, PASSWORD);
    await page.waitForURL(`${web().webUrl}/`);
    await page.getByTestId('reviews-today').waitFor();
    expect(await page.getByTestId('reviews-today').textContent()).toBe(before);
  });

  it("shows a second learner none of the first learner's submissions", async () => {
    const firstHistory = await apiFromPage<{ items: { id: string }[] }>(page, 'GET', `/api/problems/${PROBLEM}/submissions`);
    const firstId = firstHistory.body.items[0]!.id;
    const context = await browser!.newContext();
    watchOrigin(context);
    const second = await context.newPage();
    watchErrors(second);
    await second.goto(`${web().webUrl}/sign-up`);
    await second.getByLabel('Email').fill(secondEmail);
    await second.getByLabel('Password').fill(PASSWORD);
    await second.getByRole('button', { name: 'Create account' }).click();
    await second.waitForURL(`${web().webUrl}/`);
    await second.goto(`${web().webUrl}/problems/${PROBLEM}`);
    await second.getByRole('tab', { name: 'Submissions' }).click();
    await second.getByText('No submissions yet').waitFor();
    expect((await apiFromPage(second, 'GET', `/api/submissions/${firstId}`)).status).toBe(404);
    await context.close();
  });
});

describe('the rest of the pages', () => {
  it('lists problems with their status and filters', async () => {
    await page.goto(`${web().webUrl}/problems?difficulty=easy`);
    await page.getByTestId(`problem-${PROBLEM}`).waitFor();
    expect(await page.getByTestId(`problem-${PROBLEM}`).getByLabel('Solved').count()).toBe(1);
    await screenshots('problems');
  });

  it('sets up review reminders in the learner’s timezone (off until opted in)', async () => {
    await page.goto(`${web().webUrl}/settings`);
    await page.getByLabel('Timezone').waitFor();
    const { settings } = (await apiFromPage<{ settings: { timezone: string } }>(page, 'GET', '/api/settings')).body;
    const reminders = page.getByTestId('reminders-settings');
    expect(await reminders.getByTestId('reminders-timezone').textContent()).toContain(settings.timezone.replace(/_/g, ' '));
    const toggle = reminders.getByRole('switch', { name: 'Email me when reviews are due' });
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    await reminders.getByLabel('Time of day').fill('07:30');
    await reminders.getByRole('button', { name: 'Saturday' }).click();
    await reminders.getByRole('button', { name: 'Sunday' }).click();
    await reminders.getByLabel('Only when at least this many are due').fill('3');
    expect(await reminders.getByTestId('reminders-summary').textContent()).toContain('07:30');
    await reminders.getByRole('button', { name: 'Save reminders' }).click();
    await page.getByText('Reminders on', { exact: true }).waitFor();
    const saved = await apiFromPage<{ settings: { reminders: unknown } }>(page, 'GET', '/api/settings');
    expect(saved.body.settings.reminders).toEqual({ enabled: true, localTime: '07:30', weekdays: [1, 2, 3, 4, 5], minDue: 3 });
    await screenshots('settings');
  });

  it('answers an unknown page with the 404 page', async () => {
    const response = await page.goto(`${web().webUrl}/no-such-page`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await screenshots('not-found');
  });

  it('renders a card whose Markdown holds a script and an onerror image as inert text', async () => {
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await page.goto(`${web().webUrl}/decks/${HOSTILE_DECK}`);
    const item = page.getByTestId(`item-card:${HOSTILE_CARD}`);
    await item.waitFor();
    await item.getByText('Show answer').click();
    await item.locator('.katex').first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await item.locator('script, iframe, img[onerror], [onerror]').count()).toBe(0);
    expect(await item.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(dialogs).toBe(0);
    await screenshots('deck-sanitised');
  });
});

describe('at phone width', () => {
  it('lays out every main page without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const pages = [
      ['today', '/'],
      ['problems', '/problems'],
      ['problem', `/problems/${PROBLEM}`],
      ['decks', '/decks'],
      ['settings', '/settings'],
    ] as const;
    for (const [name, url] of pages) {
      await page.goto(`${web().webUrl}${url}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // A full-page capture stretches the window, and the editor's wrapped lines are pictured before it re-measures them.
      await screenshots(`${name}-phone`, page, name !== 'problem');
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('when the API is down', () => {
  it('shows a clear banner and a way to retry instead of a blank page', async () => {
    await web().stopApi();
    await page.goto(`${web().webUrl}/decks`);
    await page.getByTestId('api-down').waitFor();
    await page.getByTestId('load-failure').getByRole('button', { name: 'Try again' }).waitFor();
    await screenshots('api-down');
  });
});

describe('the whole run', () => {
  it('sent no request to any origin but the app’s own, and no page threw', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
