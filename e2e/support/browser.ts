import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { ROOT } from './server';

export const SHOTS = join(ROOT, 'test-output', 'screenshots');

/** Debian's Chromium, headless, with the flags a closed network needs; Playwright gives it a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** A 375-px-wide phone with touch: Taro H5 buttons react to taps. */
export function phone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** How far the page is wider than the phone's viewport, in px (≤ 0: it fits). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * The page must fit a 375-px phone once it has settled: Taro's page transition slides the new
 * page in from the right, so a single read mid-animation would measure the slide, not the layout.
 */
export async function expectFitsPhone(page: Page, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let over = await horizontalOverflow(page);
  while (over > 0 && Date.now() < deadline) {
    await page.waitForTimeout(100);
    over = await horizontalOverflow(page);
  }
  if (over > 0) throw new Error(`page is ${over}px wider than the 375-px phone`);
}

/** A Taro/NutUI button by its text: tap the button itself, not the label inside it. */
export function button(scope: Page | Locator, text: string): Locator {
  return scope.locator('taro-button-core').filter({ hasText: text });
}
