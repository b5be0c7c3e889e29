import type { Store } from '../store/port';
import type { Actor } from './context';
import { C, type MemberDoc } from './records';

export const actorOf = (m: MemberDoc): Actor => ({ memberId: m.id, openid: m.openid, nickname: m.nickname, memberships: m.memberships });

/** A WeChat user is a member when known; any other OPENID is a consumer without roles. */
export async function actorForOpenid(store: Store, openid: string): Promise<Actor> {
  const [member] = await store.find<MemberDoc>(C.members, { openid }, { limit: 1 });
  if (member) return actorOf(member);
  return { memberId: `wx:${openid}`, openid, nickname: '微信用户', memberships: [] };
}

export async function actorForMemberId(store: Store, memberId: string): Promise<Actor | null> {
  const member = await store.get<MemberDoc>(C.members, memberId);
  return member ? actorOf(member) : null;
}
