/**
 * 3. The rule engine: full validations per second of a valid gift-pack draft (PACK of three
 * stocks, MINIPROGRAM_AND_STORE, seed package) — `checkCampaignDraft` running every F, R, P and T
 * rule — beside the strict schema parse of the same draft (`parseWith(campaignDraftSchema)`),
 * which `campaign.validate` runs first. The environment (stocks, stores, files) is loaded once
 * from a real store, exactly as `campaign.validate` loads it.
 *
 * Usage: node --import tsx bench/rules.bench.ts --out result.json [--runs 5] [--ms 1000]
 */
import { writeFileSync } from 'node:fs';
import { checkCampaignDraft } from '@shared/campaign/rules';
import { campaignDraftSchema, type CampaignDraft } from '@shared/campaign/schema';
import { parseWith } from '@shared/validation';
import { loadRuleEnv, fileIdsOf, stockIdsOf } from '../cloudfunctions/src/campaign/campaign.context';
import { actorForMemberId } from '../cloudfunctions/src/runtime/actor';
import type { Ctx } from '../cloudfunctions/src/runtime/context';
import { BJ, M, makeStock, NOW, packDraft, SH, uploadAll } from '../cloudfunctions/test/campaign/campaign.fixtures';
import { makeHarness, silentLog } from '../cloudfunctions/test/support/harness';
import { arg, interleaved, median, opsPerSecond, outPath, round } from './lib/stats';

async function main() {
  const runs = Number(arg('runs') ?? 5);
  const ms = Number(arg('ms') ?? 1000);
  const h = await makeHarness(NOW);
  try {
    const files = await uploadAll(h);
    const stocks = [
      await makeStock(h, SH, { usableMerchantIds: [SH, BJ] }),
      await makeStock(h, SH, { usableMerchantIds: [BJ, SH], faceValue: 5_000, minSpend: 20_000 }),
      await makeStock(h, SH, { usableMerchantIds: [SH, BJ], name: '家乐福满50减10', faceValue: 1_000, minSpend: 5_000 }),
    ];
    const draft = packDraft(SH, files, stocks.map((s) => s.stockId)) as unknown as CampaignDraft;
    const actor = await actorForMemberId(h.store, M.merchant);
    if (!actor) throw new Error('no merchant admin');
    const ctx: Ctx = { actor, clock: h.clock, store: h.store, files: { put: async () => '', get: async () => null, url: async () => '', urls: async () => new Map() }, log: silentLog, roles: ['MERCHANT_ADMIN'], operation: 'campaign.validate' };
    const env = await loadRuleEnv(ctx, SH, stockIdsOf(draft.content), fileIdsOf(draft));

    // The draft must be valid and reach every rule family: no issue, strict schema ok.
    const issues = checkCampaignDraft(draft, env);
    if (issues.length) throw new Error(`the pack draft is not valid: ${JSON.stringify(issues)}`);
    if (!parseWith(campaignDraftSchema, draft).ok) throw new Error('the pack draft fails the strict schema');

    const rules = () => void checkCampaignDraft(draft, env);
    const schema = () => void parseWith(campaignDraftSchema, draft);
    await opsPerSecond(300, rules);
    await opsPerSecond(300, schema);
    const r = await interleaved(runs, () => opsPerSecond(ms, schema), () => opsPerSecond(ms, rules));
    const schemaPs = r.a.map((x) => x.perSecond);
    const rulesPs = r.b.map((x) => x.perSecond);
    writeFileSync(outPath(), JSON.stringify({
      runs, ms,
      rulesPerSecond: round(median(rulesPs)),
      schemaPerSecond: round(median(schemaPs)),
      ratio: round(median(rulesPs.map((x, i) => x / schemaPs[i]!)), 3),
      runsRules: rulesPs.map((x) => round(x)),
      runsSchema: schemaPs.map((x) => round(x)),
    }, null, 2));
  } finally {
    await h.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
