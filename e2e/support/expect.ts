import type { Locator } from 'playwright-core';

/**
 * playwright-core ships no test runner, so no web-first assertions: these poll the page like
 * Playwright's `expect(locator)` does, instead of asserting on a single read.
 */
async function poll(check: () => Promise<boolean>, describe: () => Promise<string>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(await describe());
}

const textOf = (loc: Locator) => loc.innerText().then((t) => t.trim()).catch(() => '(missing)');
const squash = (s: string) => s.replace(/\s+/g, '');

export function eventually(loc: Locator) {
  return {
    toHaveText: (text: string) => poll(async () => (await textOf(loc)) === text, async () => `expected text "${text}", got "${await textOf(loc)}"`),
    toContainText: (text: string) => poll(async () => squash(await textOf(loc)).includes(squash(text)), async () => `expected to contain "${text}", got "${await textOf(loc)}"`),
    toBeVisible: () => poll(() => loc.isVisible(), async () => `expected ${loc} to be visible`),
  };
}
