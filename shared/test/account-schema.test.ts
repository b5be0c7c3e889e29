import fc from 'fast-check';
import { MAX_RECHARGE, quotaLedgerInput, rechargeQuotaInput, rechargeQuotaOutput } from '@shared/account/schema';
import type { Issue } from '@shared/result';
import { parseWith } from '@shared/validation';

const base = { merchantId: '1900000001', amount: 100, requestId: 'req-0001' };

function issues(data: unknown): Issue[] {
  const r = parseWith(rechargeQuotaInput, data);
  return r.ok ? [] : r.issues;
}
const accepted = (data: unknown) => parseWith(rechargeQuotaInput, data).ok;

describe('rechargeQuotaInput', () => {
  it('accepts a well-formed recharge and returns it unchanged', () => {
    expect(parseWith(rechargeQuotaInput, { ...base, remark: '双11 备货' })).toEqual({ ok: true, value: { ...base, remark: '双11 备货' } });
  });

  describe('amount', () => {
    it('is 1 … 10,000,000', () => {
      expect(MAX_RECHARGE).toBe(10_000_000);
      expect(accepted({ ...base, amount: 1 })).toBe(true);
      expect(accepted({ ...base, amount: 10_000_000 })).toBe(true);
    });

    it.each([
      [0, '充值配额：不能小于 1'],
      [-5, '充值配额：不能小于 1'],
      [10_000_001, '充值配额：不能大于 10000000'],
      [1.5, '充值配额：需为整数'],
      ['5', '充值配额：需为数字，收到文本'],
      [null, '充值配额：需为数字，收到空值'],
      [undefined, '充值配额：必填'],
    ])('%p is refused: %s', (amount, message) => {
      const data: Record<string, unknown> = { ...base, amount };
      if (amount === undefined) delete data.amount;
      const list = issues(data);
      expect(list).toHaveLength(1);
      expect(list[0]).toEqual({ path: 'amount', level: 'error', message, hint: '一次可充值 1–10,000,000 张' });
    });

    it.each([NaN, Infinity, -Infinity, 1e21])('%p is refused', (amount) => {
      const list = issues({ ...base, amount });
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((i) => i.path === 'amount')).toBe(true);
    });

    it('property: accepted exactly when an integer in 1 … 10,000,000', () => {
      fc.assert(
        fc.property(fc.oneof(fc.integer({ min: -20_000_000, max: 20_000_000 }), fc.double({ noNaN: false })), (amount) => {
          const expected = Number.isInteger(amount) && amount >= 1 && amount <= MAX_RECHARGE;
          return accepted({ ...base, amount }) === expected;
        }),
      );
    });
  });

  describe('requestId', () => {
    it.each([
      ['a'.repeat(8), true],
      ['a'.repeat(64), true],
      ['Ab0_-Ab0_-', true],
      ['a'.repeat(7), false],
      ['a'.repeat(65), false],
      ['', false],
      ['req 0001', false],
      ['req.0001', false],
      ['req/0001', false],
      ['请求号请求号请求号', false],
      ['req-0001\n', false],
    ])('%j → %p', (requestId, ok) => {
      expect(accepted({ ...base, requestId })).toBe(ok);
      if (!ok) {
        expect(issues({ ...base, requestId })).toEqual([
          { path: 'requestId', level: 'error', message: '请求号 requestId：需为 8–64 位字母、数字、_ 或 -' },
        ]);
      }
    });

    it('is required and must be a string', () => {
      const { requestId: _omit, ...noId } = base;
      expect(issues(noId)).toEqual([{ path: 'requestId', level: 'error', message: '请求号 requestId：必填' }]);
      expect(issues({ ...base, requestId: 12345678 })).toEqual([{ path: 'requestId', level: 'error', message: '请求号 requestId：需为文本，收到数字' }]);
    });
  });

  describe('merchantId', () => {
    it.each([
      ['123456', true],
      ['1234567890123456', true],
      ['1900000001', true],
      ['12345', false],
      ['12345678901234567', false],
      ['19000000a1', false],
      [' 1900000001', false],
      ['１９００００００', false], // full-width digits
      ['', false],
    ])('%j → %p', (merchantId, ok) => {
      expect(accepted({ ...base, merchantId })).toBe(ok);
      if (!ok) expect(issues({ ...base, merchantId })).toEqual([{ path: 'merchantId', level: 'error', message: '商户号：需为 6–16 位数字' }]);
    });

    it('must be a string, not a number', () => {
      expect(issues({ ...base, merchantId: 1900000001 })).toEqual([{ path: 'merchantId', level: 'error', message: '商户号：需为文本，收到数字' }]);
    });
  });

  it('remark is optional and at most 100 characters', () => {
    expect(accepted({ ...base, remark: 'x'.repeat(100) })).toBe(true);
    expect(issues({ ...base, remark: 'x'.repeat(101) })).toEqual([{ path: 'remark', level: 'error', message: '备注：最多 100 个字符' }]);
  });

  it('refuses unknown keys, e.g. a balance smuggled in', () => {
    expect(issues({ ...base, balance: 999 })).toEqual([{ path: '', level: 'error', message: '不支持的字段：balance' }]);
  });
});

describe('quotaLedgerInput', () => {
  it('takes merchantId and optional paging', () => {
    expect(parseWith(quotaLedgerInput, { merchantId: '1900000001' }).ok).toBe(true);
    expect(parseWith(quotaLedgerInput, { merchantId: '1900000001', page: 2, pageSize: 100 }).ok).toBe(true);
    const r = parseWith(quotaLedgerInput, { merchantId: '1900000001', pageSize: 101 });
    expect(r).toEqual({ ok: false, issues: [{ path: 'pageSize', level: 'error', message: '每页条数：不能大于 100' }] });
  });
});

describe('rechargeQuotaOutput', () => {
  const out = { merchantId: '1900000001', amount: 100, balance: 100, openedAccount: true, entryId: 'e1', at: '2026-11-22T09:30:00+08:00' };
  it('requires an RFC 3339 time with offset', () => {
    expect(parseWith(rechargeQuotaOutput, out).ok).toBe(true);
    expect(parseWith(rechargeQuotaOutput, { ...out, at: '2026-11-22 09:30:00' }).ok).toBe(false);
  });
});
