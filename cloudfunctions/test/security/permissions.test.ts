/**
 * Permissions as data: every action of the contract map × every role, a consumer and nobody ×
 * own tenant / other tenant, through the real dispatcher. Denied → AUTH.FORBIDDEN (nobody signed
 * in → AUTH.UNAUTHENTICATED); allowed → anything but an AUTH.* error (the inputs are valid, taken
 * from world.ts's SAMPLES, so input validation does not hide the answer).
 */
import { contract, type FunctionName } from '@shared/api';
import type { Role } from '@shared/account/schema';
import type { Permission } from '@shared/permissions';
import { consumerId, DEMO } from '../../src/seed/demo';
import { makeHarness, silentLog, type Harness } from '../support/harness';
import { NOW } from '../campaign/campaign.fixtures';
import { buildWorld, CONTRACT_ACTIONS, OUTSIDE_SUB, sampleOf, type World } from './world';

jest.setTimeout(60_000);

let h: Harness;
let w: World;

beforeAll(async () => {
  h = await makeHarness(NOW);
  w = await buildWorld(h);
});
afterAll(() => h?.close());

interface Principal {
  label: string;
  memberId: string | null;
  role: Role | 'consumer' | null;
  /** Merchant ids this principal acts for, with whether they are its own. */
  tenants: Array<{ merchantId: string; own: boolean; label: string }>;
}

const { provider: SP, carrefourSh: SH, coffee: COFFEE } = DEMO;
const merchantTenants = [{ merchantId: SH, own: true, label: 'own 1900000101' }, { merchantId: COFFEE, own: false, label: 'other 1900000201' }];

const PRINCIPALS: Principal[] = [
  {
    label: 'SP_ADMIN sp-admin', memberId: DEMO.members.sp, role: 'SP_ADMIN',
    // Its sub-merchant and the provider itself are its own; a sub-merchant of another provider is not.
    tenants: [{ merchantId: SH, own: true, label: 'own sub-merchant 1900000101' }, { merchantId: SP, own: true, label: 'own provider 1900000001' }, { merchantId: OUTSIDE_SUB, own: false, label: `other provider's ${OUTSIDE_SUB}` }],
  },
  { label: 'MERCHANT_ADMIN merchant-admin', memberId: DEMO.members.merchant, role: 'MERCHANT_ADMIN', tenants: merchantTenants },
  { label: 'LIVE_HOST live-host', memberId: DEMO.members.host, role: 'LIVE_HOST', tenants: merchantTenants },
  { label: 'STORE_STAFF store-staff', memberId: DEMO.members.staff, role: 'STORE_STAFF', tenants: merchantTenants },
  { label: 'consumer consumer-01', memberId: consumerId(1), role: 'consumer', tenants: merchantTenants },
  { label: 'no session', memberId: null, role: null, tenants: merchantTenants },
];

/**
 * The reviewed table (PRODUCT.md §Roles and tenancy): who may call what. The contract map must say
 * exactly this; a change of permission is a change of this table, made on purpose.
 */
const A = ['SP_ADMIN', 'MERCHANT_ADMIN'] as const;
const H = [...A, 'LIVE_HOST'] as const;
const REVIEWED: Record<string, 'SIGNED_IN' | readonly Role[]> = {
  'account.me': 'SIGNED_IN',
  'account.merchant': [...H, 'STORE_STAFF'],
  'account.registerFile': A,
  'account.merchants': ['SP_ADMIN'],
  'account.rechargeQuota': ['SP_ADMIN'],
  'account.quotaLedger': A,
  'account.stores': [...H, 'STORE_STAFF'],
  'account.appids': H,
  'stock.create': A, 'stock.list': H, 'stock.get': H, 'stock.activate': A, 'stock.pause': A, 'stock.restart': A, 'stock.stop': A,
  'stock.authorizeAppid': A, 'stock.authorizations': H,
  'campaign.validate': A, 'campaign.eligibleStocks': A, 'campaign.create': A,
  'campaign.list': [...A, 'STORE_STAFF'], 'campaign.get': [...A, 'STORE_STAFF'],
  'campaign.update': A, 'campaign.pause': A, 'campaign.restart': A, 'campaign.exportRedemptions': A,
  'campaign.public': 'SIGNED_IN', 'campaign.discover': 'SIGNED_IN', 'campaign.claim': 'SIGNED_IN',
  'live.rooms': H, 'live.createRoom': H, 'live.room': H, 'live.control': H, 'live.addCoupon': H, 'live.shelve': H, 'live.push': H,
  'live.join': 'SIGNED_IN', 'live.leave': 'SIGNED_IN', 'live.watch': 'SIGNED_IN', 'live.claim': 'SIGNED_IN',
  'stats.runDaily': A,
  'wallet.list': 'SIGNED_IN', 'wallet.redeem': ['STORE_STAFF'], 'wallet.preview': ['STORE_STAFF'],
};

const permissionOf = (fn: FunctionName, action: string): Permission => (contract[fn] as Record<string, { permission: Permission }>)[action]!.permission;

describe('the contract map', () => {
  it('has a sample input for every action (a new action must add one here: cloudfunctions/test/security/world.ts)', () => {
    const missing = CONTRACT_ACTIONS.filter(([fn, a]) => !sampleOf(fn, a)).map(([fn, a]) => `${fn}.${a}`);
    expect(missing).toEqual([]);
  });

  it('says exactly the reviewed permission table', () => {
    const actual = Object.fromEntries(CONTRACT_ACTIONS.map(([fn, a]) => {
      const p = permissionOf(fn, a);
      return [`${fn}.${a}`, p.allow === 'SIGNED_IN' ? 'SIGNED_IN' : [...p.allow].sort()];
    }));
    const reviewed = Object.fromEntries(Object.entries(REVIEWED).map(([k, v]) => [k, v === 'SIGNED_IN' ? v : [...v].sort()]));
    expect(actual).toEqual(reviewed);
  });

  it('ties every role-checked action to data.merchantId, and every signed-in-only action to no tenant', () => {
    for (const [fn, a] of CONTRACT_ACTIONS) {
      const p = permissionOf(fn, a);
      expect([`${fn}.${a}`, p.tenant]).toEqual([`${fn}.${a}`, p.allow === 'SIGNED_IN' ? 'none' : 'merchantId']);
    }
  });
});

type Outcome = 'allowed' | 'AUTH.FORBIDDEN' | 'AUTH.UNAUTHENTICATED';

function expected(p: Permission, who: Principal, own: boolean): Outcome {
  if (!who.memberId) return 'AUTH.UNAUTHENTICATED';
  if (p.allow === 'SIGNED_IN') return 'allowed';
  return own && who.role && who.role !== 'consumer' && (p.allow as readonly string[]).includes(who.role) ? 'allowed' : 'AUTH.FORBIDDEN';
}

describe.each(CONTRACT_ACTIONS)('%s.%s', (fn, action) => {
  it('allows and denies exactly as the contract says, for every role × own/other tenant', async () => {
    const sample = sampleOf(fn, action);
    if (!sample) throw new Error(`${fn}.${action} has no sample input in cloudfunctions/test/security/world.ts: add one`);
    const p = permissionOf(fn, action);
    const rows: string[] = [];
    const wrong: string[] = [];
    for (const who of PRINCIPALS) {
      const tenants = p.tenant === 'merchantId' ? who.tenants : [{ merchantId: SH, own: true, label: 'no tenant' }];
      for (const t of tenants) {
        const want = expected(p, who, t.own);
        const answer = await h.call(who.memberId, fn, action, sample(w, t.merchantId));
        const code = answer.ok ? 'ok' : answer.error.code;
        // A valid input that is allowed must never come back as REQUEST.INVALID (the sample would be
        // wrong and hide the check) nor as an internal error.
        const got: Outcome | string = code.startsWith('AUTH.') ? code : code === 'REQUEST.INVALID' || code.startsWith('INTERNAL.') ? `!${code}` : 'allowed';
        rows.push(`${who.label} @ ${t.label}: ${want} ← ${code}`);
        if (got !== want) wrong.push(`${who.label} @ ${t.label}: expected ${want}, got ${code}${answer.ok ? '' : ` (${answer.error.message})`}`);
      }
    }
    if (process.env.SHOW_ROWS) console.log(`${fn}.${action}\n` + rows.join("\n"));
    expect(wrong).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(6);
  });
});

afterAll(() => {
  // Nothing above may have reached the dispatcher's "unexpected error" branch.
  expect(silentLog.errors).toEqual([]);
});
