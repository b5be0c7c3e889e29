/**
 * 6. H5 first screen: the time from navigation start to the home page's first meaningful text
 * ("你好，<nickname>": the signed-in merchant admin's header, which needs the app, the session
 * and one `account.me` round trip), in headless Chromium on a phone-sized, touch-enabled context;
 * against the bare Taro template's H5 build showing its only text. Both are served by the built
 * gateway (same server, same origin, same static plugin). A fresh browser context per sample (no
 * HTTP cache); samples alternate; medians. First contentful paint is reported beside it.
 *
 * Usage: node --import tsx bench/h5.bench.ts --out result.json --bare-h5 <dir> [--runs 7]
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { BARE_TEXT } from './lib/bare';
import { startGateway, type Gateway } from './lib/gateway';
import { distDir } from './lib/sizes';
import { arg, median, outPath, round } from './lib/stats';

const HOME_TEXT = '你好，';

interface Sample {
  textMs: number;
  fcpMs: number | null;
}

async function firstScreen(browser: Browser, url: string, text: string, login?: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    if (login) {
      const r = await context.request.post(`${url}/api/dev/login`, { data: { memberId: login } });
      if (!r.ok()) throw new Error(`login ${login}: ${r.status()}`);
    }
    await context.addInitScript((target: string) => {
      const w = window as unknown as { __firstText: number | null };
      w.__firstText = null;
      const obs = new MutationObserver(() => {
        if (w.__firstText === null && document.body?.textContent?.includes(target)) {
          w.__firstText = performance.now();
          obs.disconnect();
        }
      });
      obs.observe(document, { childList: true, subtree: true, characterData: true });
    }, text);
    const page = await context.newPage();
    await page.goto(`${url}/`, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __firstText: number | null }).__firstText !== null, undefined, { timeout: 30_000, polling: 50 });
    return page.evaluate(() => ({
      textMs: (window as unknown as { __firstText: number }).__firstText,
      fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    }));
  } finally {
    await context.close();
  }
}

async function main() {
  const runs = Number(arg('runs') ?? 7);
  const bareH5 = arg('bare-h5');
  const appH5 = join(distDir(), 'h5');
  if (!bareH5 || !existsSync(join(bareH5, 'index.html'))) throw new Error(`--bare-h5 <dir> with the bare template's H5 build is required (got ${bareH5})`);
  if (!existsSync(join(appH5, 'index.html'))) throw new Error(`${appH5}/index.html is missing: build h5 first`);
  const dirs = [mkdtempSync(join(tmpdir(), 'coupon-desk-bench-h5-')), mkdtempSync(join(tmpdir(), 'coupon-desk-bench-h5bare-'))];
  const gateways: Gateway[] = [];
  let browser: Browser | undefined;
  try {
    const app = await startGateway({ dataDir: dirs[0]!, staticDir: appH5 });
    gateways.push(app);
    const bare = await startGateway({ dataDir: dirs[1]!, staticDir: bareH5, env: { SEED_DEMO: '0' } });
    gateways.push(bare);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const appRun = () => firstScreen(browser!, app.url, HOME_TEXT, 'merchant-admin');
    const bareRun = () => firstScreen(browser!, bare.url, BARE_TEXT);
    await appRun();
    await bareRun();
    const a: Sample[] = [];
    const b: Sample[] = [];
    for (let r = 0; r < runs; r++) {
      b.push(await bareRun());
      a.push(await appRun());
    }
    const fcp = (xs: Sample[]) => {
      const v = xs.map((x) => x.fcpMs).filter((x): x is number => x !== null);
      return v.length ? round(median(v)) : null;
    };
    writeFileSync(outPath(), JSON.stringify({
      runs,
      app: { text: HOME_TEXT, firstTextMs: round(median(a.map((x) => x.textMs))), fcpMs: fcp(a), samples: a.map((x) => round(x.textMs)) },
      bare: { text: BARE_TEXT, firstTextMs: round(median(b.map((x) => x.textMs))), fcpMs: fcp(b), samples: b.map((x) => round(x.textMs)) },
      ratio: round(median(a.map((x, i) => x.textMs / b[i]!.textMs)), 2),
    }, null, 2));
  } finally {
    await browser?.close();
    for (const g of gateways) await g.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
