/**
 * 2. The claim over HTTP: the built gateway in its own process (SQLite, synchronous=FULL as
 * `npm start` runs it) under 64 concurrent keep-alive connections on 127.0.0.1 (autocannon),
 * each claim by a fresh signed-in consumer; against a no-op action (`account.me`) on the same
 * gateway with the same sessions. Runs alternate; medians.
 *
 * Usage: node --import tsx bench/http.bench.ts --out result.json [--runs 3] [--seconds 4] [--connections 64]
 */
import { sign } from '@fastify/cookie';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setClock, SESSION_SECRET, startGateway } from './lib/gateway';
import { DURING, insertConsumers, prepareClaimStore } from './lib/setup';
import { arg, median, outPath, round } from './lib/stats';

const CONSUMERS = 150_000;

async function main() {
  const runs = Number(arg('runs') ?? 3);
  const seconds = Number(arg('seconds') ?? 4);
  const connections = Number(arg('connections') ?? 64);
  const dataDir = mkdtempSync(join(tmpdir(), 'coupon-desk-bench-http-'));
  const s = await prepareClaimStore(dataDir, 'FULL');
  const memberId = insertConsumers(s.store, CONSUMERS);
  const campaignId = s.campaignId;
  await s.store.close();

  const cookies = new Map<number, string>();
  const cookieOf = (n: number) => {
    let c = cookies.get(n);
    if (!c) cookies.set(n, (c = `sid=${encodeURIComponent(sign(memberId(n), SESSION_SECRET))}`));
    return c;
  };
  let nextClaimer = 0;
  let nextReader = 0;
  let claimOk = 0;
  let claimNotOk = 0;
  let lastRefusal = '';
  const headers = { 'content-type': 'application/json' };

  const gw = await startGateway({ dataDir });
  const claim = (duration: number) => autocannon({
    url: gw.url, connections, pipelining: 1, duration, timeout: 30,
    requests: [{
      method: 'POST', path: '/api/campaign', headers,
      setupRequest: (req) => {
        const n = nextClaimer++;
        if (n >= CONSUMERS) throw new Error('out of consumers: raise CONSUMERS');
        return { ...req, headers: { ...headers, cookie: cookieOf(n) }, body: JSON.stringify({ action: 'claim', data: { campaignId, requestId: `req-http-${n}` } }) };
      },
      onResponse: (status, body) => {
        if (status === 200 && body.startsWith('{"ok":true')) claimOk++;
        else {
          claimNotOk++;
          lastRefusal = `${status} ${body.slice(0, 200)}`;
        }
      },
    }],
  });
  const noop = (duration: number) => autocannon({
    url: gw.url, connections, pipelining: 1, duration, timeout: 30,
    requests: [{
      method: 'POST', path: '/api/account', headers,
      setupRequest: (req) => ({ ...req, headers: { ...headers, cookie: cookieOf(nextReader++ % CONSUMERS) }, body: '{"action":"me","data":{}}' }),
    }],
  });

  try {
    await setClock(gw.url, DURING);
    await noop(1);
    await claim(1);
    const rows: Array<{ kind: 'noop' | 'claim'; perSecond: number; p50: number; p99: number; errors: number; non2xx: number }> = [];
    for (let r = 0; r < runs; r++) {
      for (const [kind, fn] of [['noop', noop], ['claim', claim]] as const) {
        const res = await fn(seconds);
        rows.push({ kind, perSecond: res.requests.total / res.duration, p50: res.latency.p50, p99: res.latency.p99, errors: res.errors, non2xx: res.non2xx });
      }
    }
    if (claimNotOk) throw new Error(`${claimNotOk} claims were not ok; last: ${lastRefusal}`);
    const pick = (kind: 'noop' | 'claim') => rows.filter((r) => r.kind === kind);
    const noopRows = pick('noop');
    const claimRows = pick('claim');
    const summary = (xs: typeof rows) => ({
      perSecond: round(median(xs.map((x) => x.perSecond))),
      p50Ms: round(median(xs.map((x) => x.p50)), 1),
      p99Ms: round(median(xs.map((x) => x.p99)), 1),
      errors: xs.reduce((t, x) => t + x.errors, 0),
      non2xx: xs.reduce((t, x) => t + x.non2xx, 0),
      runs: xs.map((x) => round(x.perSecond)),
    });
    await gw.stop();
    const db = new Database(join(dataDir, 'coupon-desk.sqlite'), { readonly: true });
    const issued = (db.prepare("SELECT count(*) AS n FROM c_claims WHERE json_extract(doc, '$.state') = 'ISSUED' AND json_extract(doc, '$.requestId') LIKE 'req-http-%'").get() as { n: number }).n;
    db.close();
    const result = {
      connections, seconds, runs,
      noop: summary(noopRows),
      claim: { ...summary(claimRows), okAnswers: claimOk, issuedInStore: issued },
      ratio: round(median(claimRows.map((c, i) => c.perSecond / noopRows[i]!.perSecond)), 3),
    };
    // Every ok answer is an issued claim in the store (requests cut off at the end may add a few).
    if (issued < claimOk) throw new Error(`${claimOk} ok answers but only ${issued} issued claims`);
    writeFileSync(outPath(), JSON.stringify(result, null, 2));
  } finally {
    await gw.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
