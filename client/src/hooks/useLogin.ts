import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { ROLES, ROLE_LABELS, type Role } from '@shared/account/roles';
import { devApi, type DevMember } from '@/services/cloud';
import { isH5, relaunch, relaunchUrl } from '@/lib/routes';
import { showError } from '@/components/feedback';
import { useRemote } from './useRemote';
import { useSession } from './useSession';

export interface MemberGroup {
  key: Role | 'consumer';
  title: string;
  members: Array<{ member: DevMember; detail: string }>;
  /** How many to show before "展开全部" (the demo has 50 consumers). */
  collapsedCount: number;
}

const CONSUMERS_SHOWN = 4;

/** Group the demo members by role; a member with roles in several groups appears in each. */
export function groupMembers(members: readonly DevMember[]): MemberGroup[] {
  const groups: MemberGroup[] = ROLES.map((role) => ({
    key: role,
    title: ROLE_LABELS[role],
    members: members
      .filter((m) => m.memberships.some((ms) => ms.role === role))
      .map((member) => ({
        member,
        detail: member.memberships.filter((ms) => ms.role === role).map((ms) => ms.merchantName).join('、'),
      })),
    collapsedCount: Number.POSITIVE_INFINITY,
  }));
  groups.push({
    key: 'consumer',
    title: '消费者',
    members: members.filter((m) => m.memberships.length === 0).map((member) => ({ member, detail: '微信用户' })),
    collapsedCount: CONSUMERS_SHOWN,
  });
  return groups.filter((g) => g.members.length > 0);
}

/** The demo sign-in of the local gateway: pick a member, become them, go home. */
export function useLogin() {
  const session = useSession();
  const remote = useRemote(isH5 ? 'members' : null, () => devApi.members());
  const groups = useMemo(() => groupMembers(remote.data ?? []), [remote.data]);
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const [pending, setPending] = useState<string>();

  return {
    supported: isH5,
    remote,
    groups,
    expanded,
    toggle: (key: string) => setExpanded((e) => ({ ...e, [key]: !e[key] })),
    pending,
    login: async (memberId: string) => {
      if (pending) return;
      setPending(memberId);
      try {
        session.signedIn(await devApi.login(memberId));
        const next = Taro.getCurrentInstance().router?.params.next;
        if (!next || !relaunchUrl(decodeURIComponent(next))) relaunch('home');
      } catch (e) {
        showError(e);
      } finally {
        setPending(undefined);
      }
    },
    goHome: () => relaunch('home'),
  };
}
