import { chromium, type Browser, type BrowserContext } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type TBrowser = {
  /** The first learner's context. */
  context: BrowserContext;
  /** Another, isolated context (its own cookies and storage): a second person on the same browser. */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
};

/** Debian's Chromium, one process for the whole run; every context starts with a fresh profile. */
export async function launchBrowser(): Promise<TBrowser> {
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  const newContext = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(30_000);
    context.setDefaultNavigationTimeout(60_000);
    return context;
  };
  const context = await newContext();
  return {
    context,
    newContext,
    close: async () => {
      await browser.close().catch(() => undefined);
    },
  };
}
