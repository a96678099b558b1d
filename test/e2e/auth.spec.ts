import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page, Request } from 'playwright-core';
import { launchBrowser, type TBrowser } from './support/browser';
import { startStack, type TStack } from './support/stack';

// The whole product starts from its build on a 2-core machine; be generous.
jest.setTimeout(180_000);

const SESSION_COOKIE = 'prep_session';
const PASSWORD = 'correct-horse-battery-staple';
const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR;

let stack: TStack | undefined;
let browser: TBrowser | undefined;
let page: Page;
const email = `e2e-${randomUUID().slice(0, 8)}@example.com`;

function web(): TStack {
  if (!stack) throw new Error('the stack did not start (see the beforeAll error)');
  return stack;
}

async function screenshot(name: string): Promise<void> {
  if (SCREENSHOT_DIR) await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

const accountNav = () => page.getByRole('navigation', { name: 'Account' });

async function expectSignedInHome(): Promise<void> {
  await page.waitForURL(`${web().webUrl}/`);
  const signedInAs = page.getByTestId('signed-in-as');
  await signedInAs.waitFor();
  expect(await signedInAs.textContent()).toBe(`Signed in as ${email}`);
  expect(await accountNav().getByTestId('header-email').textContent()).toBe(email);
}

async function sessionCookies() {
  return (await browser!.context.cookies(web().webUrl)).filter((cookie) => cookie.name === SESSION_COOKIE);
}

async function signIn(password: string): Promise<void> {
  await page.goto(`${web().webUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  page = await browser.context.newPage();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 60_000);

describe('signing up, out and in through the web app', () => {
  it('shows the product pitch and sign-in links to a visitor', async () => {
    await page.goto(`${web().webUrl}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/interviews/i);
    await accountNav().getByRole('link', { name: 'Sign in' }).waitFor();
    await accountNav().getByRole('link', { name: 'Sign up' }).waitFor();
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
    await screenshot('home-signed-out');
  });

  it('checks the sign-up form against the shared schema before sending it', async () => {
    await page.goto(`${web().webUrl}/sign-up`);
    const registrations: string[] = [];
    const recordRegistration = (request: Request) => {
      if (request.url().endsWith('/api/auth/register')) registrations.push(request.url());
    };
    page.on('request', recordRegistration);
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();

    const emailError = page.locator('#sign-up-email-error');
    await emailError.waitFor();
    expect(await emailError.textContent()).toBe('Must be a valid email address');
    expect(await page.locator('#sign-up-password-error').textContent()).toBe('Must be at least 10 characters');
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    page.off('request', recordRegistration);
    expect(registrations).toEqual([]);
  });

  it('signs up and lands on the home page signed in', async () => {
    await page.goto(`${web().webUrl}/`);
    await accountNav().getByRole('link', { name: 'Sign up' }).click();
    await page.waitForURL(`${web().webUrl}/sign-up`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Name').fill('E2E Learner');
    await page.getByRole('button', { name: 'Create account' }).click();

    await expectSignedInHome();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome, E2E Learner');
    await screenshot('home-signed-in');
  });

  it('keeps the session cookie away from page scripts', async () => {
    const [cookie] = await sessionCookies();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);
  });

  it('signs out and shows the visitor page again', async () => {
    await accountNav().getByRole('button', { name: 'Sign out' }).click();
    await accountNav().getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
    expect(await sessionCookies()).toEqual([]);

    // The session is gone on the server too, not only in this browser tab.
    await page.reload();
    await accountNav().getByRole('link', { name: 'Sign in' }).waitFor();
  });

  it('shows the API field details next to the field when the email is taken', async () => {
    await page.goto(`${web().webUrl}/sign-up`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();

    const emailError = page.locator('#sign-up-email-error');
    await emailError.waitFor();
    const apiError = await registerErrorFromApi();
    expect(apiError.code).toBe('email_taken');
    expect((await page.getByTestId('form-error').textContent())?.toLowerCase()).toBe(apiError.message.toLowerCase());
    expect((await emailError.textContent())?.toLowerCase()).toBe(apiError.emailDetail?.toLowerCase());
    expect(page.url()).toBe(`${web().webUrl}/sign-up`);
  });

  it('shows the API error for a wrong password and stays on the sign-in page', async () => {
    await signIn('wrong-password-123');

    const alert = page.getByTestId('form-error');
    await alert.waitFor();
    const apiMessage = await loginErrorMessageFromApi('wrong-password-123');
    expect((await alert.textContent())?.toLowerCase()).toBe(apiMessage.toLowerCase());
    expect(page.url()).toBe(`${web().webUrl}/sign-in`);
    expect(await sessionCookies()).toEqual([]);
    await screenshot('sign-in-wrong-password');
  });

  it('signs in again and sees the email', async () => {
    await signIn(PASSWORD);
    await expectSignedInHome();
  });

  it('sets an httpOnly, SameSite=Lax session cookie through the web server', async () => {
    const response = await fetch(`${web().webUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: web().webUrl },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    const sessionCookie = response.headers.getSetCookie().find((header) => header.startsWith(`${SESSION_COOKIE}=`));
    expect(sessionCookie).toBeDefined();
    const attributes = sessionCookie!.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).toContain('path=/');
  });
});

/** What the API itself says about a failed login, asked through the same proxy the browser uses. */
async function loginErrorMessageFromApi(password: string): Promise<string> {
  const response = await fetch(`${web().webUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: web().webUrl },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(401);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('invalid_credentials');
  return body.error.message.trim();
}

/** The API's answer to registering an email that is already taken, asked through the same proxy. */
async function registerErrorFromApi(): Promise<{ code: string; message: string; emailDetail?: string }> {
  const response = await fetch(`${web().webUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: web().webUrl },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(response.status).toBe(409);
  const { error } = (await response.json()) as {
    error: { code: string; message: string; details?: { path: string; message: string }[] };
  };
  const emailDetail = error.details?.find((detail) => detail.path === 'body.email')?.message;
  return { code: error.code, message: error.message.trim(), ...(emailDetail ? { emailDetail } : {}) };
}
