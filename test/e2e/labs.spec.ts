import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { HeldLock } from '../../apps/api/test/support/content-lock';
import { signUp } from './support/api';
import { launchBrowser, type TBrowser } from './support/browser';
import { holdBuiltInContent } from './support/content';
import { REPO_ROOT, startStack, type TStack } from './support/stack';

/**
 * Labs in a real browser against the real stack (API, grading worker, a lab worker with one CPU slot in a
 * bubblewrap sandbox, web): the list, a lab's page, its starter graded as failing and its reference as accepted,
 * both saying they ran on a CPU, and the history. The fastest lab (mixed precision, about a second of torch) keeps
 * this lean. Screenshots in both themes go to SCREENSHOT_DIR.
 */
jest.setTimeout(300_000);

const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR || path.join(REPO_ROOT, 'test-results/screenshots');
const LAB = 'mixed-precision-training';
const LAB_DIR = path.join(REPO_ROOT, 'packages/problems/labs', LAB);
const GRADED_MS = 180_000;

let stack: TStack | undefined;
let content: HeldLock | undefined;
let browser: TBrowser | undefined;
let page: Page;
const pageErrors: string[] = [];

function web(): TStack {
  if (!stack) throw new Error('the stack did not start (see the beforeAll error)');
  return stack;
}

async function screenshots(name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForFunction((expected) => document.documentElement.dataset.theme === expected, scheme);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${scheme}.png`), fullPage });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Replaces the editor's code as a person would (select all, then type it in one go). */
async function typeCode(code: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

beforeAll(async () => {
  content = await holdBuiltInContent();
  stack = await startStack({ web: true, workers: 1, labWorkers: 1, env: { GRADER_POOL_SIZE: '1' } });
  browser = await launchBrowser();
  const learner = await signUp(stack.apiUrl);
  const [name, value] = learner.cookie.split('=') as [string, string];
  await browser.context.addCookies([{ name, value, url: stack.webUrl, httpOnly: true, sameSite: 'Lax' }]);
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await content?.release();
}, 60_000);

describe('labs', () => {
  it('lists every lab with where it runs, and the nav leads there', async () => {
    await page.goto(`${web().webUrl}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Labs' }).click();
    await page.waitForURL(/\/labs$/);
    const row = page.getByTestId(`lab-${LAB}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('CPU or GPU');
    expect(await page.getByTestId('labs-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
    await screenshots('labs');
  });

  it('grades the starter as failing and says it ran on the CPU', async () => {
    await page.getByTestId(`lab-${LAB}`).getByRole('link').click();
    await page.waitForURL(new RegExp(`/labs/${LAB}$`));
    await page.getByTestId('lab-statement').waitFor();
    await page.getByRole('button', { name: 'Show hint 1' }).click();
    expect(await page.getByTestId('hint').count()).toBe(1);
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+Enter');
    const verdict = page.getByTestId('lab-verdict');
    await verdict.waitFor({ timeout: GRADED_MS });
    expect(await verdict.getAttribute('data-verdict')).not.toBe('accepted');
    expect(await verdict.getAttribute('data-verdict')).not.toBe('internal_error');
    expect(await page.getByTestId('lab-device').textContent()).toMatch(/^Graded on CPU/);
    expect(await page.locator('[data-testid="lab-check"][data-status="failed"]').count()).toBe(1);
    await screenshots('lab-failed', false);
  });

  it('grades the reference as accepted, on the CPU, and lists both in the history', async () => {
    await typeCode(readFileSync(path.join(LAB_DIR, 'reference.py'), 'utf8'));
    await page.getByRole('button', { name: /^Submit/ }).click();
    await page.getByTestId('lab-progress').waitFor();
    const accepted = page.locator('[data-testid="lab-verdict"][data-verdict="accepted"]');
    await accepted.waitFor({ timeout: GRADED_MS });
    expect(await page.getByTestId('lab-device').textContent()).toMatch(/^Graded on CPU/);
    const checks = page.getByTestId('lab-check');
    expect(await checks.count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="lab-check"]:not([data-status="passed"])').count()).toBe(0);
    await screenshots('lab-accepted', false);
    // The accepted submit after a failed one rated it Hard; the learner may change that once, as for problems.
    const outcome = page.getByTestId('lab-outcome');
    expect(await outcome.textContent()).toContain('Rated Hard');
    await outcome.getByRole('group', { name: 'Change this rating once' }).getByRole('button', { name: 'Good' }).click();
    await outcome.getByRole('group').waitFor({ state: 'detached' });
    expect(await outcome.textContent()).toContain('Rated Good');
    // The draft was saved while typing, so the page comes back with this code.
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();

    await page.getByRole('tab', { name: /Submissions/ }).click();
    const history = page.getByTestId('lab-history');
    await history.waitFor();
    expect(await history.locator('tbody tr').count()).toBe(2);
    expect(await history.locator('tbody tr').first().textContent()).toContain('Accepted');
    await page.getByRole('tab', { name: 'Background' }).click();
    await page.getByTestId('lab-background').waitFor();
    await screenshots('lab-background', false);
  });

  it('brings the lab back in the review session when it is due, and Enter opens it', async () => {
    const setDue = await page.evaluate(async (itemId) => {
      const response = await fetch(`/api/items/${itemId}/set-due`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ days: 0 }),
      });
      return response.status;
    }, `lab:${LAB}`);
    expect(setDue).toBe(200);
    await page.goto(`${web().webUrl}/review`);
    const card = page.locator(`[data-testid="review-card"][data-item-id="lab:${LAB}"]`);
    await card.waitFor();
    await page.getByTestId('review-lab').waitFor();
    await screenshots('review-lab');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/labs/${LAB}\\?from=review$`));
    await page.getByTestId('review-banner').waitFor();
  });

  it('lists the lab among the items of its deck, with a link to it', async () => {
    await page.goto(`${web().webUrl}/decks/mixed-precision?kind=lab`);
    const item = page.getByTestId(`item-lab:${LAB}`);
    await item.waitFor();
    expect(await item.textContent()).toContain('CPU or GPU');
    await screenshots('deck-labs');
    await item.getByRole('link').click();
    await page.waitForURL(new RegExp(`/labs/${LAB}$`));
  });

  it('is usable at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId('lab-statement').waitFor();
    // The viewport only, as for the problem page: a full-page capture resizes the editor under CodeMirror's measurements.
    await screenshots('lab-phone', false);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
