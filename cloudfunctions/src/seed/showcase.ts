import { deflateSync, crc32 } from 'node:zlib';
import type { FunctionName } from '@shared/api';
import { addDays, startOfDay, toRfc3339 } from '@shared/time';
import { acceptUpload } from '../files/files.service';
import type { FileStorage } from '../files/file.storage';
import { HANDLERS } from '../handlers';
import { actorForMemberId } from '../runtime/actor';
import { FixedClock } from '../runtime/clock';
import { consoleLogger } from '../runtime/context';
import { dispatch } from '../runtime/dispatch';
import { C } from '../runtime/records';
import type { Store } from '../store/port';
import { DEMO } from './demo';

/**
 * Example work for the local runtime, so a first `npm start` shows the product at work rather than
 * empty lists: 家乐福上海 has a campaign coupon that consumers can claim now, and a live room
 * scheduled for later today with a coupon on its shelf. Everything is made through the real
 * handlers (every rule checked), the campaign as if set up three days ago, since a campaign may
 * start two days after it is made at the earliest (F5).
 */
export async function seedShowcase(store: Store, files: FileStorage, now: Date): Promise<void> {
  const marker = { id: 'seed:showcase', at: toRfc3339(now) };
  if (await store.get(C.meta, marker.id)) return;
  const clock = new FixedClock(addDays(now, -3));
  const as = async <T>(memberId: string, fn: FunctionName, action: string, data: unknown): Promise<T> => {
    const actor = await actorForMemberId(store, memberId);
    const out = await dispatch(fn, HANDLERS[fn] as never, { action, data }, { actor, clock, store, files, log: consoleLogger });
    if (!out.ok) throw new Error(`showcase ${fn}.${action}: ${out.error.code} ${out.error.message}`);
    return out.data as T;
  };
  const admin = DEMO.members.merchant;
  const merchantId = DEMO.carrefourSh;
  const madeAt = clock.now();
  const day = (n: number) => toRfc3339(startOfDay(addDays(madeAt, n)));
  /** A 全场 prepaid voucher of the merchant's, usable anytime from tomorrow (as of `madeAt`). */
  const voucher = (fields: { requestId: string; name: string; faceValue: number; minSpend: number; until: number; instructions: string; totalQuantity: number; purpose: string }) => {
    const { until, ...rest } = fields;
    return {
      merchantId, funding: 'PREPAID', availableBegin: day(1), availableEnd: day(until), timeRule: { kind: 'ANYTIME' }, effectiveAfterClaimDays: 0,
      excludedGoodsCodes: [], scope: 'ALL', availableGoodsCodes: [], perUserLimit: 1, usableMerchantIds: [merchantId], usableStoreIds: [], cardPackInsertable: true, ...rest,
    };
  };

  // A quota campaign of 满100减20, running since yesterday until four weeks on.
  const logo = await acceptUpload({ store, storage: files, clock }, (await actorForMemberId(store, admin))!, 'logo', ticketPng(120, 120));
  const forCampaign = await as<{ stockId: string }>(admin, 'stock', 'create', voucher({
    requestId: 'showcase-stock-campaign', name: '家乐福满100减20', faceValue: 2_000, minSpend: 10_000, until: 45,
    instructions: '满100元减20元，全场通用，到店出示券码', totalQuantity: 1_000, purpose: 'QUOTA_CAMPAIGN',
  }));
  await as(admin, 'stock', 'activate', { merchantId, stockId: forCampaign.stockId });
  await as(admin, 'campaign', 'create', {
    merchantId, requestId: 'showcase-campaign', promotionType: 'STORE',
    delivery: { logo: logo.fileId, brandName: '家乐福', title: '满100减20，全场通用', subtitle: '到店出示券码使用', startAt: day(2), endAt: day(30) },
    content: { kind: 'SINGLE', stockId: forCampaign.stockId },
    targeting: { storeIds: ['st-sh-gubei', 'st-sh-wujiaochang'] },
  });

  // A 全场 voucher for the live room, authorized for the shop's mini-program.
  const forLive = await as<{ stockId: string }>(admin, 'stock', 'create', voucher({
    requestId: 'showcase-stock-live', name: '直播专享满50减10', faceValue: 1_000, minSpend: 5_000, until: 60,
    instructions: '直播间专享，满50元减10元', totalQuantity: 500, purpose: 'GENERAL',
  }));
  await as(admin, 'stock', 'activate', { merchantId, stockId: forLive.stockId });
  await as(admin, 'stock', 'authorizeAppid', { merchantId, stockId: forLive.stockId, appid: SHOP_APPID });

  // The room starts in half an hour (L1: at least 10 minutes ahead); the host may start it at once.
  clock.set(now);
  const host = DEMO.members.host;
  const room = await as<{ roomId: string }>(host, 'live', 'createRoom', {
    merchantId, requestId: 'showcase-room', appid: SHOP_APPID, name: '家乐福周末直播专场', hostName: '小美',
    startAt: toRfc3339(now.getTime() + 30 * 60_000), endAt: toRfc3339(now.getTime() + 150 * 60_000),
  });
  await as(host, 'live', 'addCoupon', { merchantId, roomId: room.roomId, stockId: forLive.stockId, quantity: 200 });
  await as(host, 'live', 'shelve', { merchantId, roomId: room.roomId, stockId: forLive.stockId, onShelf: true });
  await store.insert(C.meta, marker);
}

/** 家乐福线上商城, the demo shop's mini-program. */
const SHOP_APPID = 'wxebb78adbe8371f8c';

/** A logo: a white ticket with its two notches on the brand's green, as a real PNG. */
function ticketPng(width: number, height: number): Buffer {
  const rows: Buffer[] = [];
  const notch = width * 0.09;
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0, then RGB
    for (let x = 0; x < width; x++) {
      const inTicket = x > width * 0.16 && x < width * 0.84 && y > height * 0.3 && y < height * 0.7;
      const cy = height / 2;
      const inNotch = Math.hypot(x - width * 0.16, y - cy) < notch || Math.hypot(x - width * 0.84, y - cy) < notch;
      const white = inTicket && !inNotch;
      row.set(white ? [255, 255, 255] : [7, 193, 96], 1 + x * 3);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
