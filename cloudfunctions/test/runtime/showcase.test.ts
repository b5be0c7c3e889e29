/**
 * The example work a first `npm start` shows (seedShowcase), made through the real handlers: it
 * must be usable as it stands — a campaign consumers claim now, a live room its host can run.
 */
import { join } from 'node:path';
import type { OutputOf } from '@shared/api';
import { LocalFileStorage } from '../../src/files/file.storage';
import { inspectUpload } from '../../src/files/inspect';
import { consumerId, DEMO } from '../../src/seed/demo';
import { seedShowcase } from '../../src/seed/showcase';
import { data, makeHarness, type Harness } from '../support/harness';

const SH = DEMO.carrefourSh;
const { merchant: ADMIN, host: HOST, staff: STAFF } = DEMO.members;

let h: Harness;
let files: LocalFileStorage;
beforeEach(async () => {
  h = await makeHarness();
  files = new LocalFileStorage(join(h.dir, 'uploads'));
  await seedShowcase(h.store, files, h.clock.now());
});
afterEach(() => h.close());

describe('seedShowcase', () => {
  it('家乐福上海 runs a campaign since yesterday: consumers see it and claim it, the till redeems it', async () => {
    const list = data(await h.call<OutputOf<'campaign', 'list'>>(ADMIN, 'campaign', 'list', { merchantId: SH }));
    expect(list.campaigns.map((c) => [c.delivery.title, c.status])).toEqual([['满100减20，全场通用', 'DELIVERING']]);
    const campaignId = list.campaigns[0]!.campaignId;

    const shown = data(await h.call<OutputOf<'campaign', 'discover'>>(consumerId(1), 'campaign', 'discover', {}));
    expect(shown.campaigns.map((c) => c.campaignId)).toEqual([campaignId]);
    const claimed = data(await h.call<OutputOf<'campaign', 'claim'>>(consumerId(1), 'campaign', 'claim', { campaignId, requestId: 'showcase-claim-1' }));
    expect(claimed.coupons).toEqual([expect.objectContaining({ faceValue: 2_000, minSpend: 10_000 })]);
    const redeemed = data(await h.call<OutputOf<'wallet', 'redeem'>>(STAFF, 'wallet', 'redeem', {
      merchantId: SH, storeId: 'st-sh-gubei', orderId: 'showcase-order-1', orderAmount: 12_000, couponCode: claimed.coupons[0]!.couponCode,
    }));
    expect(redeemed).toMatchObject({ discount: 2_000, payable: 10_000 });

    // Its logo is a real 120×120 PNG in the local file storage (F1).
    const got = data(await h.call<OutputOf<'campaign', 'get'>>(ADMIN, 'campaign', 'get', { merchantId: SH, campaignId }));
    const bytes = await files.get(got.campaign.delivery.logo);
    expect(bytes && inspectUpload('logo', bytes)).toMatchObject({ ok: true, value: { format: 'png', width: 120, height: 120 } });
  });

  it('a live room starts in half an hour with a coupon on its shelf; the host runs it and a viewer claims the push', async () => {
    const rooms = data(await h.call<OutputOf<'live', 'rooms'>>(HOST, 'live', 'rooms', { merchantId: SH }));
    expect(rooms.rooms.map((r) => [r.name, r.state, r.onShelfCount])).toEqual([['家乐福周末直播专场', 'NOT_STARTED', 1]]);
    const roomId = rooms.rooms[0]!.roomId;
    const room = data(await h.call<OutputOf<'live', 'room'>>(HOST, 'live', 'room', { merchantId: SH, roomId }));
    expect(Date.parse(room.room.startAt) - h.clock.now().getTime()).toBe(30 * 60_000);
    const stockId = room.coupons[0]!.stockId;

    data(await h.call(HOST, 'live', 'control', { merchantId: SH, roomId, op: 'start' }));
    data(await h.call(HOST, 'live', 'push', { merchantId: SH, roomId, stockId, durationSeconds: 60 }));
    const claimed = data(await h.call<OutputOf<'live', 'claim'>>(consumerId(2), 'live', 'claim', { roomId, stockId, requestId: 'showcase-live-1' }));
    expect(claimed.coupons).toEqual([expect.objectContaining({ stockId, faceValue: 1_000, source: 'LIVE' })]);
  });

  it('a second start adds nothing', async () => {
    const before = h.snapshot();
    await seedShowcase(h.store, files, h.clock.now());
    expect(h.snapshot()).toEqual(before);
  });
});
