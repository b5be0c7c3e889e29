import { earliestStart, checkCampaignDraft, checkStockEligibility } from '@shared/campaign/rules';
import { campaignDraftSchema, type CampaignDraft } from '@shared/campaign/schema';
import { AppError } from '@shared/errors';
import { blocking, type Issue } from '@shared/result';
import { toMillis, toRfc3339 } from '@shared/time';
import { parseWith } from '@shared/validation';
import { audit } from '../runtime/audit';
import type { Ctx, DomainHandlers } from '../runtime/context';
import { idempotent } from '../runtime/idempotency';
import { newId } from '../runtime/ids';
import { C } from '../runtime/records';
import type { StockDoc } from '../stock/stock.records';
import { toStock } from '../stock/stock.repository';
import type { CampaignDoc } from './campaign.records';
import { fileIdsOf, loadRuleEnv, stockIdsOf, toSummary } from './campaign.context';
import { claimCampaign } from './campaign.claim';
import { exportRedemptions } from './campaign.export';
import { discoverCampaigns, getPublicCampaign } from './campaign.public';
import { getCampaign, listCampaigns, setPaused, toCampaign, updateCampaign } from './campaign.manage';

type DraftInput = Omit<CampaignDraft, 'delivery'> & { delivery: Record<keyof CampaignDraft['delivery'], string> };

/** C1: the strict schema (F2–F4 widths) and every rule, all issues at once. */
async function evaluate(input: DraftInput, ctx: Ctx) {
  const draft: CampaignDraft = { merchantId: input.merchantId, promotionType: input.promotionType, delivery: input.delivery, content: input.content, targeting: input.targeting };
  const strict = parseWith(campaignDraftSchema, draft);
  const env = await loadRuleEnv(ctx, draft.merchantId, stockIdsOf(draft.content), fileIdsOf(draft));
  const issues: Issue[] = [...(strict.ok ? [] : strict.issues), ...checkCampaignDraft(draft, env)];
  const stocks = [...env.stocks.values()].filter((s) => s.merchantId === env.loginMerchantId).map(toSummary);
  return { draft, env, issues, stocks };
}

/** Only the targeting that the promotion type uses is kept (T1–T3). */
function normaliseTargeting(d: CampaignDraft): CampaignDraft['targeting'] {
  const t = d.targeting;
  const stores = d.promotionType !== 'MINIPROGRAM';
  const mini = d.promotionType !== 'STORE';
  return {
    ...(stores ? { storeIds: t.storeIds ?? [] } : {}),
    ...(mini && t.miniProgram ? { miniProgram: t.miniProgram } : {}),
    ...(d.promotionType === 'MINIPROGRAM_AND_STORE' && t.area ? { area: t.area } : {}),
    ...(mini && t.audience ? { audience: t.audience.source === 'SEED_PACKAGE' ? t.audience : { source: t.audience.source } } : {}),
    ...(t.tags ? { tags: t.tags } : {}),
  };
}

export const campaignHandlers: DomainHandlers<'campaign'> = {
  async validate(input, ctx) {
    const { issues, stocks, env } = await evaluate(input, ctx);
    return { valid: blocking(issues).length === 0, issues, earliestStartAt: toRfc3339(earliestStart(env.now)), stocks };
  },

  async eligibleStocks({ merchantId, promotionType = 'STORE', startAt, endAt, storeIds }, ctx) {
    const now = ctx.clock.now();
    const env = await loadRuleEnv(ctx, merchantId, [], []);
    const docs = await ctx.store.find<StockDoc>(C.stocks, { merchantId: env.loginMerchantId, purpose: 'QUOTA_CAMPAIGN', state: { ne: 'STOPPED' }, availableEndMs: { gte: now.getTime() } }, { orderBy: [['createdAt', 'desc']], limit: 100 });
    const start = startAt ?? toRfc3339(earliestStart(now));
    const end = endAt ?? toRfc3339(toMillis(start) + 14 * 86_400_000);
    const draftish = { promotionType, delivery: { startAt: start, endAt: end }, targeting: { storeIds: storeIds ?? [] } };
    return {
      stocks: docs.map((d) => {
        const stock = toStock(d, now.getTime());
        const issues = checkStockEligibility(stock, 'stockId', draftish, env);
        return { stock: toSummary(stock), eligible: blocking(issues).length === 0, issues };
      }),
    };
  },

  async create(input, ctx) {
    // Read before the transaction (it may only touch documents by id), judged inside the
    // idempotent effect so that a retry of an accepted create replays it.
    const { draft, env, issues } = await evaluate(input, ctx);
    return idempotent(ctx, input.requestId, input, async (tx) => {
      const errors = blocking(issues);
      if (errors.length) throw new AppError('CAMPAIGN.RULE_VIOLATION', errors.length === 1 ? errors[0]!.message : `活动有 ${errors.length} 处不符合规则`, issues);
      const now = ctx.clock.now();
      const at = toRfc3339(now);
      const doc: CampaignDoc = {
        id: newId('cmp', now), merchantId: draft.merchantId, createdByMerchantId: env.loginMerchantId,
        promotionType: draft.promotionType, delivery: draft.delivery, content: draft.content, targeting: normaliseTargeting(draft),
        startAtMs: toMillis(draft.delivery.startAt), endAtMs: toMillis(draft.delivery.endAt), paused: false, version: 1,
        createdAt: at, updatedAt: at, createdBy: ctx.actor.memberId,
      };
      await tx.insert(C.campaigns, doc);
      await audit(tx, ctx, { merchantId: doc.merchantId, targetType: 'campaign', targetId: doc.id, detail: { title: doc.delivery.title, content: doc.content.kind, stocks: stockIdsOf(doc.content) } });
      return toCampaign(doc, now.getTime());
    });
  },

  claim: (input, ctx) => claimCampaign(input, ctx),
  list: (input, ctx) => listCampaigns(input, ctx),
  get: (input, ctx) => getCampaign(input, ctx),
  update: (input, ctx) => updateCampaign(input, ctx),
  pause: (input, ctx) => setPaused(input, true, ctx),
  restart: (input, ctx) => setPaused(input, false, ctx),
  exportRedemptions: (input, ctx) => exportRedemptions(input, ctx),
  public: (input, ctx) => getPublicCampaign(input, ctx),
  discover: (input, ctx) => discoverCampaigns(input, ctx),
};
