import fc from 'fast-check';
import { checkCampaignDraft, type CampaignRuleEnv } from '@shared/campaign/rules';
import { campaignDraftSchema, type CampaignDraft } from '@shared/campaign/schema';
import type { FileMeta } from '@shared/files';
import type { Stock } from '@shared/stock/schema';
import { parseWith } from '@shared/validation';

/**
 * Properties of the campaign rules (PRODUCT.md §Conventions, F2–F5). The expectations are computed
 * here, independently of shared/src: widths from the character classes, the F5 boundary from UTC
 * arithmetic with a fixed +8 h. Run this file under TZ=UTC and TZ=Asia/Shanghai: the answers must
 * not move.
 */

const SH = '1900000101';
const BJ = '1900000102';
const DAY = 86_400_000;
const HOUR = 3_600_000;
const LOGO = 'local:logo/aaaaaaaaaaaaaaaaaaaaaaaa.png';
const STOCK_ID = '1000000001';

// ---- an independent RFC 3339 formatter at +08:00 (no shared/src/time) ----
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
function rfc(msUtc: number): string {
  const d = new Date(msUtc + 8 * HOUR); // read with getUTC*: the Shanghai wall clock
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`;
}
/** The Shanghai midnight two calendar days after `now`'s Shanghai date, as a UTC instant. */
const expectedEarliest = (nowMs: number) => (Math.floor((nowMs + 8 * HOUR) / DAY) + 2) * DAY - 8 * HOUR;

// ---- a valid draft and env the F2–F5 properties vary one field of ----
function draft(delivery: Partial<CampaignDraft['delivery']> = {}): CampaignDraft {
  return {
    merchantId: SH,
    promotionType: 'STORE',
    delivery: { logo: LOGO, brandName: '家乐福', title: '满100减30元', subtitle: '到店专享', startAt: '2026-11-24T00:00:00+08:00', endAt: '2026-12-08T00:00:00+08:00', ...delivery },
    content: { kind: 'SINGLE', stockId: STOCK_ID },
    targeting: { storeIds: ['st-sh-gubei'] },
  };
}

function stock(availableBegin: string, availableEnd: string): Stock {
  return {
    stockId: STOCK_ID, merchantId: SH, name: '满100减30', funding: 'PREPAID', faceValue: 3_000, minSpend: 10_000, availableBegin, availableEnd,
    timeRule: { kind: 'ANYTIME' }, effectiveAfterClaimDays: 0, excludedGoodsCodes: [], instructions: '', scope: 'ALL', availableGoodsCodes: [],
    totalQuantity: 1_000, perUserLimit: 1, usableMerchantIds: [SH, BJ], usableStoreIds: [], cardPackInsertable: true, purpose: 'QUOTA_CAMPAIGN',
    status: 'RUNNING', budget: 3_000_000, remaining: 1_000, issued: 0, used: 0, createdAt: '2020-01-01T00:00:00+08:00', updatedAt: '2020-01-01T00:00:00+08:00',
    activatedAt: '2020-01-01T00:00:00+08:00', allowedActions: ['pause', 'stop'],
  };
}

function env(nowMs: number, s: Stock): CampaignRuleEnv {
  const logo: FileMeta = { fileId: LOGO, purpose: 'logo', format: 'png', width: 120, height: 120, bytes: 10_000 };
  return {
    now: new Date(nowMs),
    loginMerchantId: SH,
    quotaOwner: { merchantId: SH, brandGroupMerchantIds: [SH, BJ] },
    stocks: new Map([[s.stockId, s]]),
    ownerStores: new Map([['st-sh-gubei', { storeId: 'st-sh-gubei', merchantId: SH, name: '家乐福古北店', address: '上海', lat: 31.2, lng: 121.4 }]]),
    files: new Map([[LOGO, logo]]),
  };
}

// ---- characters, classified here ----
const HAN_RANGES: Array<[number, number]> = [[0x4e00, 0x9fa5], [0x3400, 0x4db5], [0x20000, 0x2a6d6]];
const FULL_WIDTH_PUNCT = [...'，。！？：；、“”‘’（）《》〈〉【】「」『』〔〕…—·～％＃＆＋－＝／＠'];
const han = fc.constantFrom(...HAN_RANGES).chain(([a, b]) => fc.integer({ min: a, max: b })).map((cp) => String.fromCodePoint(cp));
const fullWidth = fc.constantFrom(...FULL_WIDTH_PUNCT);
const ascii = fc.integer({ min: 0x20, max: 0x7e }).map((cp) => String.fromCharCode(cp));
type Ch = { ch: string; width: 1 | 2 };
const allowedChar: fc.Arbitrary<Ch> = fc.oneof(
  han.map((ch) => ({ ch, width: 2 as const })),
  fullWidth.map((ch) => ({ ch, width: 2 as const })),
  ascii.map((ch) => ({ ch, width: 1 as const })),
);
const allowedText = fc.array(allowedChar, { minLength: 0, maxLength: 30 });

/** Emoji, alone or as sequences (skin tone, ZWJ families, flags, keycaps, VS16), and symbols. */
const EMOJI = ['😀', '🎉', '👍', '👍🏻', '❤️', '❤', '👨‍👩‍👧', '🇨🇳', '1️⃣', '☀', '⭐', '🧧', '🀄', '✨', '🥳', '🛒'];
const emoji = fc.oneof(
  fc.constantFrom(...EMOJI),
  fc.integer({ min: 0x1f300, max: 0x1f64f }).map((cp) => String.fromCodePoint(cp)),
  fc.integer({ min: 0x1f680, max: 0x1f6ff }).map((cp) => String.fromCodePoint(cp)),
  fc.integer({ min: 0x1f900, max: 0x1f9ff }).map((cp) => String.fromCodePoint(cp)),
);

const FIELDS = [
  ['brandName', 14],
  ['title', 24],
  ['subtitle', 20],
] as const;

const fieldIssues = (d: CampaignDraft, name: string) => {
  const r = parseWith(campaignDraftSchema, d);
  return r.ok ? [] : r.issues.filter((i) => i.path === `delivery.${name}`);
};

describe('F2–F4 widths: the strict schema', () => {
  it('the valid draft is accepted as it is', () => {
    expect(parseWith(campaignDraftSchema, draft()).ok).toBe(true);
  });

  it.each(FIELDS)('%s: Han / full-width punctuation / ASCII text is accepted iff 1 ≤ width ≤ %i', (name, max) => {
    fc.assert(
      fc.property(allowedText, (chars) => {
        const text = chars.map((c) => c.ch).join('');
        const width = chars.reduce((w, c) => w + c.width, 0);
        const r = parseWith(campaignDraftSchema, draft({ [name]: text }));
        const accept = chars.length > 0 && width <= max;
        expect(r.ok).toBe(accept);
        if (!accept) {
          const issues = fieldIssues(draft({ [name]: text }), name);
          expect(issues.length).toBeGreaterThan(0);
          expect(issues.every((i) => i.rule === { brandName: 'F2', title: 'F3', subtitle: 'F4' }[name])).toBe(true);
          if (chars.length > 0) expect(issues.map((i) => i.message).join()).toContain(`长度 ${width} 超过上限 ${max}`);
        }
      }),
      { numRuns: 400 },
    );
  });

  it.each(FIELDS)('%s: exactly at the limit passes, one ASCII more fails', (name, max) => {
    fc.assert(
      fc.property(fc.array(fc.oneof(han, fullWidth), { minLength: 1, maxLength: max / 2 }), (wide) => {
        const fill = wide.join('') + 'a'.repeat(max - wide.length * 2);
        expect(parseWith(campaignDraftSchema, draft({ [name]: fill })).ok).toBe(true);
        expect(fieldIssues(draft({ [name]: fill + '1' }), name)).toEqual([expect.objectContaining({ message: expect.stringContaining(`长度 ${max + 1} 超过上限 ${max}`) })]);
      }),
    );
  });

  it.each(FIELDS)('%s: any emoji is refused, however short the text', (name) => {
    fc.assert(
      fc.property(fc.array(allowedChar, { maxLength: 4 }), emoji, fc.nat(), (chars, e, pos) => {
        const parts = chars.map((c) => c.ch);
        parts.splice(pos % (parts.length + 1), 0, e);
        const text = parts.join('');
        const issues = fieldIssues(draft({ [name]: text }), name);
        expect(issues.some((i) => i.message.includes('含有不支持的字符'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('control characters are refused too', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.constant(0x7f), fc.integer({ min: 0x80, max: 0x9f })), (cp) => {
        expect(fieldIssues(draft({ title: `满减${String.fromCharCode(cp)}券` }), 'title')).toEqual([
          expect.objectContaining({ rule: 'F3', message: expect.stringContaining(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`) }),
        ]);
      }),
    );
  });
});

describe('F5 start: on or after the Shanghai midnight two days after now', () => {
  const FROM = Date.UTC(2024, 0, 1);
  const TO = Date.UTC(2031, 0, 1);

  /** F5 error-level issues on the start, for a draft whose stock covers any window. */
  function startIssues(nowMs: number, startMs: number) {
    const endMs = startMs + 14 * DAY;
    const d = draft({ startAt: rfc(startMs), endAt: rfc(endMs) });
    const issues = checkCampaignDraft(d, env(nowMs, stock(rfc(startMs - DAY), rfc(endMs + 2 * DAY))));
    // Nothing but F5's start check may speak here.
    expect(issues.filter((i) => i.path !== 'delivery.startAt')).toEqual([]);
    return issues;
  }

  const nowArb = fc.integer({ min: FROM, max: TO });
  /** Seconds relative to the expected boundary: mostly near it, sometimes exactly on it or 1 s before. */
  const relSeconds = fc.oneof(
    fc.constantFrom(0, -1, 1, -86_400, 86_399),
    fc.integer({ min: -3 * 86_400, max: 3 * 86_400 }),
    fc.integer({ min: -120, max: 120 }),
  );

  it('passes iff start ≥ expected boundary, for arbitrary now and start', () => {
    fc.assert(
      fc.property(nowArb, relSeconds, (nowMs, rel) => {
        const boundary = expectedEarliest(nowMs);
        const startMs = boundary + rel * 1000;
        const issues = startIssues(nowMs, startMs);
        if (startMs >= boundary) expect(issues).toEqual([]);
        else {
          expect(issues).toHaveLength(1);
          expect(issues[0]).toMatchObject({ rule: 'F5', level: 'error', path: 'delivery.startAt' });
          expect(issues[0]!.hint).toBe(`请选择 ${rfc(boundary).slice(0, 10)} 00:00 或之后`);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('now near the Shanghai and the UTC midnights, including 23:30+08:00 (15:30Z)', () => {
    const shMidnight = fc.integer({ min: Math.floor((FROM + 8 * HOUR) / DAY), max: Math.floor((TO + 8 * HOUR) / DAY) }).map((d) => d * DAY - 8 * HOUR);
    const nearMidnight = fc.tuple(shMidnight, fc.oneof(fc.constantFrom(0, -1, 1, -30 * 60, 8 * HOUR, 8 * HOUR - 1), fc.integer({ min: -9 * 3600, max: 9 * 3600 })))
      .map(([m, offS]) => m + offS * 1000);
    fc.assert(
      fc.property(nearMidnight, relSeconds, (nowMs, rel) => {
        const boundary = expectedEarliest(nowMs);
        const startMs = boundary + rel * 1000;
        expect(startIssues(nowMs, startMs).length === 0).toBe(startMs >= boundary);
      }),
      { numRuns: 1000 },
    );
  });

  it('a start at a whole Shanghai day is allowed from two days ahead, never one day ahead', () => {
    fc.assert(
      fc.property(nowArb, fc.integer({ min: -2, max: 5 }), (nowMs, k) => {
        const todayMidnight = Math.floor((nowMs + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
        const startMs = todayMidnight + k * DAY;
        expect(startIssues(nowMs, startMs).length === 0).toBe(k >= 2);
      }),
    );
  });

  // Jest's sandbox cannot switch the zone of its own process, so the suite is run once per zone
  // (TZ=UTC and TZ=Asia/Shanghai); these fixed cases, with literal answers, must hold in both.
  it.each([
    // now (Shanghai wall clock)          start                        F5 hint, or null when allowed
    ['2026-11-22T10:00:00+08:00', '2026-11-24T00:00:00+08:00', null],
    ['2026-11-22T10:00:00+08:00', '2026-11-23T23:59:59+08:00', '请选择 2026-11-24 00:00 或之后'],
    ['2026-11-22T23:30:00+08:00', '2026-11-24T00:00:00+08:00', null],
    ['2026-11-22T23:30:00+08:00', '2026-11-23T23:59:59+08:00', '请选择 2026-11-24 00:00 或之后'],
    ['2026-11-23T00:30:00+08:00', '2026-11-24T08:00:00+08:00', '请选择 2026-11-25 00:00 或之后'],
    ['2026-11-23T07:59:59+08:00', '2026-11-24T23:59:59+08:00', '请选择 2026-11-25 00:00 或之后'],
    ['2026-12-30T23:59:59+08:00', '2027-01-01T00:00:00+08:00', null],
    ['2028-02-27T16:00:00+08:00', '2028-02-29T00:00:00+08:00', null],
    ['2028-02-28T00:00:00+08:00', '2028-02-29T23:59:59+08:00', '请选择 2028-03-01 00:00 或之后'],
  ])(`now %s, start %s (process offset ${-new Date(0).getTimezoneOffset()} min)`, (now, start, hint) => {
    const issues = startIssues(Date.parse(now), Date.parse(start));
    expect(issues.map((i) => i.hint ?? null)).toEqual(hint === null ? [] : [hint]);
  });
});
