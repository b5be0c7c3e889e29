import * as z from 'zod/mini';
import { FUNCTION_NAMES, contract, findAction, type ActionSpec } from '@shared/api';
import { ERROR_MESSAGES, AppError, appError, isAppError } from '@shared/errors';
import { ADMINS, ALL_STAFF, roles, signedIn } from '@shared/permissions';
import { blocking, fail, ok, type Issue } from '@shared/result';
import { ROLES } from '@shared/account/schema';

const allActions = (): [string, string, ActionSpec][] =>
  Object.entries(contract).flatMap(([fn, actions]) =>
    Object.entries(actions as Record<string, ActionSpec>).map(([name, spec]) => [fn, name, spec] as [string, string, ActionSpec]),
  );

describe('contract', () => {
  it('lists the account function and its actions', () => {
    expect(FUNCTION_NAMES).toContain('account');
    expect(Object.keys(contract.account).sort()).toEqual(['appids', 'me', 'merchant', 'merchants', 'quotaLedger', 'rechargeQuota', 'registerFile', 'stores']);
  });

  it.each(allActions())('%s.%s has summary, input, output and permission', (_fn, _name, spec) => {
    expect(typeof spec.summary).toBe('string');
    expect(spec.summary.trim().length).toBeGreaterThan(0);
    expect(spec.input).toBeInstanceOf(z.ZodMiniType);
    expect(spec.output).toBeInstanceOf(z.ZodMiniType);
    expect(spec.permission).toBeDefined();
    if (spec.permission.allow === 'SIGNED_IN') {
      expect(spec.permission.tenant).toBe('none');
    } else {
      expect(spec.permission.tenant).toBe('merchantId');
      expect(spec.permission.allow.length).toBeGreaterThan(0);
      for (const r of spec.permission.allow) expect(ROLES).toContain(r);
    }
    for (const code of spec.errors ?? []) expect(Object.keys(ERROR_MESSAGES)).toContain(code);
  });

  it.each(allActions())('%s.%s: a tenant-scoped action takes merchantId in a strict input', (_fn, _name, spec) => {
    // Strict: an unknown key is refused.
    expect(z.safeParse(spec.input, { __unknown__: 1 }).success).toBe(false);
    if (spec.permission.allow !== 'SIGNED_IN') {
      const r = z.safeParse(spec.input, {});
      expect(r.success).toBe(false);
      if (!r.success) expect(r.error.issues.map((i) => i.path.join('.'))).toContain('merchantId');
    }
  });

  it('idempotent actions take a requestId', () => {
    const idem = allActions().filter(([, , s]) => s.idempotent);
    expect(idem.map(([f, n]) => `${f}.${n}`)).toEqual(expect.arrayContaining(['account.rechargeQuota', 'stock.create']));
    for (const [, , spec] of idem) {
      const r = z.safeParse(spec.input, {});
      expect(r.success).toBe(false);
      if (!r.success) expect(r.error.issues.map((i) => i.path.join('.'))).toContain('requestId');
    }
  });

  it('gives the documented permissions', () => {
    expect(contract.account.me.permission).toEqual({ allow: 'SIGNED_IN', tenant: 'none' });
    expect(contract.account.merchants.permission).toEqual({ allow: ['SP_ADMIN'], tenant: 'merchantId' });
    expect(contract.account.rechargeQuota.permission).toEqual({ allow: ['SP_ADMIN'], tenant: 'merchantId' });
    expect(contract.account.quotaLedger.permission).toEqual({ allow: ['SP_ADMIN', 'MERCHANT_ADMIN'], tenant: 'merchantId' });
    expect(contract.account.stores.permission).toEqual({ allow: ['SP_ADMIN', 'MERCHANT_ADMIN', 'LIVE_HOST', 'STORE_STAFF'], tenant: 'merchantId' });
  });
});

describe('findAction', () => {
  it('finds real actions', () => {
    expect(findAction('account', 'rechargeQuota')).toBe(contract.account.rechargeQuota);
    expect(findAction('account', 'me')).toBe(contract.account.me);
  });

  it.each([
    ['account', '__proto__'],
    ['account', 'toString'],
    ['account', 'constructor'],
    ['account', 'hasOwnProperty'],
    ['account', 'valueOf'],
    ['account', 'nope'],
    ['account', ''],
    ['account', 'RechargeQuota'],
    ['__proto__', 'toString'],
    ['constructor', 'name'],
    ['toString', 'call'],
    ['hasOwnProperty', 'call'],
    ['nope', 'me'],
    ['', ''],
  ])('refuses %j . %j', (fn, action) => {
    expect(findAction(fn, action)).toBeUndefined();
  });
});

describe('permissions', () => {
  it('roles() and signedIn', () => {
    expect(roles('LIVE_HOST', 'STORE_STAFF')).toEqual({ allow: ['LIVE_HOST', 'STORE_STAFF'], tenant: 'merchantId' });
    expect(signedIn).toEqual({ allow: 'SIGNED_IN', tenant: 'none' });
    expect([...ADMINS]).toEqual(['SP_ADMIN', 'MERCHANT_ADMIN']);
    expect([...ALL_STAFF].sort()).toEqual([...ROLES].sort());
  });
});

describe('envelope and errors', () => {
  const err: Issue = { path: 'a', level: 'error', message: 'x' };
  const sug: Issue = { path: 'b', level: 'suggestion', message: 'y' };

  it('ok / fail build the envelope', () => {
    expect(ok({ n: 1 })).toEqual({ ok: true, data: { n: 1 } });
    expect(fail({ code: 'AUTH.FORBIDDEN', message: '无权执行此操作' })).toEqual({ ok: false, error: { code: 'AUTH.FORBIDDEN', message: '无权执行此操作' } });
  });

  it('only errors block', () => {
    expect(blocking([err, sug, err])).toEqual([err, err]);
    expect(blocking([sug])).toEqual([]);
  });

  it('every error code is DOMAIN.REASON with a Chinese message', () => {
    for (const [code, message] of Object.entries(ERROR_MESSAGES)) {
      expect(code).toMatch(/^[A-Z]+\.[A-Z_]+$/);
      expect(message).toMatch(/\p{Script=Han}/u);
    }
  });

  it('AppError carries code, default message and issues into its body', () => {
    const e = appError('QUOTA.INSUFFICIENT');
    expect(e).toBeInstanceOf(Error);
    expect(isAppError(e)).toBe(true);
    expect(isAppError(new Error('x'))).toBe(false);
    expect(e.toBody()).toEqual({ code: 'QUOTA.INSUFFICIENT', message: '配额余额不足' });
    expect(new AppError('REQUEST.INVALID', '自定义', [err]).toBody()).toEqual({ code: 'REQUEST.INVALID', message: '自定义', issues: [err] });
    // An empty issue list is left out of the body.
    expect(new AppError('REQUEST.INVALID', undefined, []).toBody()).toEqual({ code: 'REQUEST.INVALID', message: '请求参数不正确' });
  });
});
