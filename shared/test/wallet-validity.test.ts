/**
 * W3/W4: a coupon's validity window (S5–S7) and whether it may be used at an instant (S6 slots and
 * ranges). Every instant is written with its offset and every expectation is Shanghai wall time, so
 * the answers must not move with the process's TZ (run under TZ=UTC and TZ=America/Los_Angeles too).
 */
import fc from 'fast-check';
import type { TimeRule } from '@shared/stock/schema';
import { couponSummary, couponWindow, usableAt, type CouponTerms } from '@shared/wallet/validity';

const ms = (t: string) => Date.parse(t);
const SEC = 1_000;
const DAY = 86_400_000;

const BEGIN = '2026-12-01T00:00:00+08:00';
const END = '2026-12-31T23:59:59+08:00';

function terms(over: Partial<CouponTerms> = {}): CouponTerms {
  return {
    stockId: '1000000001', name: '满100减30', faceValue: 3_000, minSpend: 10_000,
    availableBegin: BEGIN, availableEnd: END, timeRule: { kind: 'ANYTIME' }, effectiveAfterClaimDays: 0,
    excludedGoodsCodes: [], scope: 'ALL', availableGoodsCodes: [], usableMerchantIds: ['1900000101'], usableStoreIds: [],
    ...over,
  };
}

const rule = (timeRule: TimeRule, over: Partial<CouponTerms> = {}) => terms({ timeRule, ...over });

describe('couponWindow', () => {
  it('ANYTIME claimed before the window: the whole stock window', () => {
    expect(couponWindow(terms(), '2026-11-25T10:00:00+08:00')).toEqual({ validFrom: ms(BEGIN), validUntil: ms(END) });
  });

  it('ANYTIME claimed inside the window: from the claim instant to availableEnd', () => {
    expect(couponWindow(terms(), '2026-12-05T10:00:00+08:00')).toEqual({ validFrom: ms('2026-12-05T10:00:00+08:00'), validUntil: ms(END) });
  });

  it('the claim instant may be written in any offset: the same instant, the same window', () => {
    expect(couponWindow(terms(), '2026-12-05T02:00:00Z')).toEqual(couponWindow(terms(), '2026-12-05T10:00:00+08:00'));
  });

  it('DAYS_AFTER_CLAIM: claim + N days', () => {
    const w = couponWindow(rule({ kind: 'DAYS_AFTER_CLAIM', days: 3 }), '2026-12-05T10:00:00+08:00');
    expect(w).toEqual({ validFrom: ms('2026-12-05T10:00:00+08:00'), validUntil: ms('2026-12-08T10:00:00+08:00') });
  });

  it('DAYS_AFTER_CLAIM is clipped at availableEnd', () => {
    const w = couponWindow(rule({ kind: 'DAYS_AFTER_CLAIM', days: 7 }), '2026-12-29T10:00:00+08:00');
    expect(w.validUntil).toBe(ms(END));
    expect(w.validFrom).toBe(ms('2026-12-29T10:00:00+08:00'));
  });

  it('DAYS_AFTER_CLAIM claimed before the window opens: the N days run from the window’s start (as WeChat Pay counts them)', () => {
    const w = couponWindow(rule({ kind: 'DAYS_AFTER_CLAIM', days: 10 }), '2026-11-25T10:00:00+08:00');
    expect(w).toEqual({ validFrom: ms(BEGIN), validUntil: ms(BEGIN) + 10 * DAY });
  });

  it('effectiveAfterClaimDays: validFrom = claim + N days', () => {
    const w = couponWindow(terms({ effectiveAfterClaimDays: 2 }), '2026-12-05T10:00:00+08:00');
    expect(w).toEqual({ validFrom: ms('2026-12-07T10:00:00+08:00'), validUntil: ms(END) });
  });

  it('effectiveAfterClaimDays never starts before availableBegin', () => {
    const w = couponWindow(terms({ effectiveAfterClaimDays: 2 }), '2026-11-25T10:00:00+08:00');
    expect(w.validFrom).toBe(ms(BEGIN));
    // …and once claim + N passes the begin, the claim decides.
    expect(couponWindow(terms({ effectiveAfterClaimDays: 2 }), '2026-11-30T00:00:01+08:00').validFrom).toBe(ms('2026-12-02T00:00:01+08:00'));
  });

  it('effectiveAfterClaimDays with DAYS_AFTER_CLAIM: the N days run from the moment it takes effect, claim + E to claim + E + N', () => {
    const w = couponWindow(rule({ kind: 'DAYS_AFTER_CLAIM', days: 5 }, { effectiveAfterClaimDays: 1 }), '2026-12-10T20:30:00+08:00');
    expect(w).toEqual({ validFrom: ms('2026-12-11T20:30:00+08:00'), validUntil: ms('2026-12-16T20:30:00+08:00') });
    expect(w.validUntil - w.validFrom).toBe(5 * DAY);
  });

  it('a wait as long as the usable days still leaves N usable days (counted from the claim it would leave none)', () => {
    const w = couponWindow(rule({ kind: 'DAYS_AFTER_CLAIM', days: 3 }, { effectiveAfterClaimDays: 5 }), '2026-12-05T10:00:00+08:00');
    expect(w).toEqual({ validFrom: ms('2026-12-10T10:00:00+08:00'), validUntil: ms('2026-12-13T10:00:00+08:00') });
  });

  it('property: every DAYS_AFTER_CLAIM window claimed inside the stock window, whose wait ends before availableEnd, is non-empty and at most N days long', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 365 }), fc.integer({ min: 0, max: 365 }), fc.integer({ min: ms(BEGIN), max: ms(END) }), (days, wait, claimedAt) => {
      fc.pre(claimedAt + wait * DAY <= ms(END));
      const w = couponWindow(rule({ kind: 'DAYS_AFTER_CLAIM', days }, { effectiveAfterClaimDays: wait }), new Date(claimedAt).toISOString());
      expect(w.validFrom).toBeLessThanOrEqual(w.validUntil);
      expect(w.validUntil - w.validFrom).toBeLessThanOrEqual(days * DAY);
    }));
  });
});

describe('usableAt: the edges of the window', () => {
  const t = terms({ effectiveAfterClaimDays: 2 });
  const w = couponWindow(t, '2026-12-05T10:00:00+08:00');

  it('one second before validFrom is 未生效, with the instant it starts', () => {
    expect(usableAt(t, w, w.validFrom - SEC)).toBe('券尚未生效，2026-12-07 10:00 起可用');
    expect(usableAt(t, w, w.validFrom - 1)).toBe('券尚未生效，2026-12-07 10:00 起可用');
  });

  it('at validFrom it is usable', () => {
    expect(usableAt(t, w, w.validFrom)).toBeNull();
  });

  it('at validUntil it is still usable; one ms later it has expired, with the end in the message', () => {
    expect(usableAt(t, w, ms(END))).toBeNull();
    expect(usableAt(t, w, ms(END) + 1)).toBe('券已过期（有效期至 2026-12-31 23:59:59）');
  });

  it('a DAYS_AFTER_CLAIM coupon expires one ms after claim + N days', () => {
    const d = rule({ kind: 'DAYS_AFTER_CLAIM', days: 3 });
    const dw = couponWindow(d, '2026-12-05T10:00:00+08:00');
    expect(usableAt(d, dw, ms('2026-12-08T10:00:00+08:00'))).toBeNull();
    expect(usableAt(d, dw, ms('2026-12-08T10:00:00+08:00') + 1)).toBe('券已过期（有效期至 2026-12-08 10:00）');
  });
});

describe('usableAt: WEEKLY slots in Shanghai wall time', () => {
  // 2026-12-07 is a Monday in Shanghai. Its first hour is still Sunday 2026-12-06 in UTC (and Los Angeles).
  const mondayFirstHour = rule({ kind: 'WEEKLY', weekdays: [1], slots: [{ begin: 0, end: 3_600 }] });
  const w = couponWindow(mondayFirstHour, '2026-11-25T10:00:00+08:00');

  it('the slot 00:00–01:00 on Monday: usable at Shanghai midnight (a Sunday in UTC)', () => {
    const midnight = ms('2026-12-07T00:00:00+08:00');
    expect(new Date(midnight).getUTCDay()).toBe(0); // the instant's UTC weekday is Sunday
    expect(usableAt(mondayFirstHour, w, midnight)).toBeNull();
    expect(usableAt(mondayFirstHour, w, ms('2026-12-06T16:30:00Z'))).toBeNull(); // Monday 00:30 in Shanghai
  });

  it('the last second of the slot (01:00 − 1 s) is usable; 01:00:00 is not, with the slots and the time', () => {
    expect(usableAt(mondayFirstHour, w, ms('2026-12-07T00:59:59+08:00'))).toBeNull();
    expect(usableAt(mondayFirstHour, w, ms('2026-12-07T00:59:59.999+08:00'))).toBeNull();
    expect(usableAt(mondayFirstHour, w, ms('2026-12-07T01:00:00+08:00'))).toBe('券仅在 00:00–01:00 可用，现在是 01:00:00');
  });

  it('one second before Shanghai midnight is Sunday: refused, naming the weekdays and today', () => {
    expect(usableAt(mondayFirstHour, w, ms('2026-12-06T23:59:59+08:00'))).toBe('券仅周一可用，今天是周日');
    // Monday 00:30 UTC is Monday 08:30 in Shanghai: the right day, outside the slot.
    expect(usableAt(mondayFirstHour, w, ms('2026-12-07T00:30:00Z'))).toBe('券仅在 00:00–01:00 可用，现在是 08:30:00');
  });

  it('a Sunday slot reached while it is still Saturday in UTC', () => {
    const sunday = rule({ kind: 'WEEKLY', weekdays: [0, 6], slots: [{ begin: 7_200, end: 10_800 }] });
    const sw = couponWindow(sunday, '2026-11-25T10:00:00+08:00');
    const at = ms('2026-12-06T02:30:00+08:00'); // Saturday 18:30 UTC
    expect(new Date(at).getUTCDay()).toBe(6);
    expect(usableAt(sunday, sw, at)).toBeNull();
    expect(usableAt(sunday, sw, ms('2026-12-06T01:59:59+08:00'))).toBe('券仅在 02:00–03:00 可用，现在是 01:59:59');
    expect(usableAt(sunday, sw, ms('2026-12-07T02:30:00+08:00'))).toBe('券仅周日、周六可用，今天是周一');
  });

  it('several slots: the last second of the afternoon slot, and the gap between slots', () => {
    const lunch = rule({ kind: 'WEEKLY', weekdays: [1, 2, 3, 4, 5], slots: [{ begin: 11 * 3_600, end: 13 * 3_600 }, { begin: 17 * 3_600, end: 21 * 3_600 + 1_800 }] });
    const lw = couponWindow(lunch, '2026-11-25T10:00:00+08:00');
    expect(usableAt(lunch, lw, ms('2026-12-08T21:29:59+08:00'))).toBeNull();
    expect(usableAt(lunch, lw, ms('2026-12-08T21:30:00+08:00'))).toBe('券仅在 11:00–13:00、17:00–21:30 可用，现在是 21:30:00');
    expect(usableAt(lunch, lw, ms('2026-12-08T12:59:59+08:00'))).toBeNull();
    expect(usableAt(lunch, lw, ms('2026-12-08T13:00:00+08:00'))).toBe('券仅在 11:00–13:00、17:00–21:30 可用，现在是 13:00:00');
  });

  it('a slot running to 24:00 covers the day’s last second', () => {
    const allDay = rule({ kind: 'WEEKLY', weekdays: [1], slots: [{ begin: 79_200, end: 86_400 }] });
    const aw = couponWindow(allDay, '2026-11-25T10:00:00+08:00');
    expect(usableAt(allDay, aw, ms('2026-12-07T23:59:59.999+08:00'))).toBeNull();
    expect(usableAt(allDay, aw, ms('2026-12-08T00:00:00+08:00'))).toBe('券仅周一可用，今天是周二');
  });

  it('the window still comes first: inside a slot but before validFrom is 未生效', () => {
    expect(usableAt(mondayFirstHour, w, ms('2026-11-30T00:30:00+08:00'))).toBe('券尚未生效，2026-12-01 00:00 起可用');
  });
});

describe('usableAt: IRREGULAR ranges', () => {
  const irregular = rule({
    kind: 'IRREGULAR',
    ranges: [
      { begin: '2026-12-10T09:00:00+08:00', end: '2026-12-10T21:00:00+08:00' },
      { begin: '2026-12-20T00:00:00+08:00', end: '2026-12-20T23:59:59+08:00' },
    ],
  });
  const w = couponWindow(irregular, '2026-11-25T10:00:00+08:00');
  const refusal = '券仅在 2026-12-10 09:00 至 2026-12-10 21:00；2026-12-20 00:00 至 2026-12-20 23:59:59 可用';

  it('a range’s last instant is usable; one ms later is not, and the message lists every range', () => {
    expect(usableAt(irregular, w, ms('2026-12-20T23:59:59+08:00'))).toBeNull();
    expect(usableAt(irregular, w, ms('2026-12-20T23:59:59+08:00') + 1)).toBe(refusal);
    expect(usableAt(irregular, w, ms('2026-12-10T21:00:00+08:00'))).toBeNull();
    expect(usableAt(irregular, w, ms('2026-12-10T21:00:00+08:00') + SEC)).toBe(refusal);
  });

  it('a range’s first instant is usable, one second before it is not', () => {
    expect(usableAt(irregular, w, ms('2026-12-10T09:00:00+08:00'))).toBeNull();
    expect(usableAt(irregular, w, ms('2026-12-10T08:59:59+08:00'))).toBe(refusal);
  });

  it('between ranges is refused although inside the stock window', () => {
    expect(usableAt(irregular, w, ms('2026-12-15T12:00:00+08:00'))).toBe(refusal);
  });
});

describe('couponSummary', () => {
  it('满 minSpend 元减 faceValue 元, keeping fen when there are any', () => {
    expect(couponSummary({ faceValue: 3_000, minSpend: 10_000 })).toBe('满100元减30元');
    expect(couponSummary({ faceValue: 550, minSpend: 5_000 })).toBe('满50元减5.50元');
  });
});
