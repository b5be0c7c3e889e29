/**
 * 创建直播间 (L1): name (width 6–34), host name, the mini-program (an APPID bound to the merchant),
 * start ≥ 10 minutes ahead, 30 minutes ≤ length ≤ 24 hours. The shared schema and `checkRoomTimes`
 * run on every change exactly as the server does; the server's issues land on their fields.
 */
import { useState } from 'react';
import { checkRoomTimes } from '@shared/live/rules';
import { createRoomInput, ROOM_LENGTH_MINUTES, ROOM_MIN_LEAD_MINUTES } from '@shared/live/schema';
import type { Issue } from '@shared/result';
import { textWidth } from '@shared/text';
import { toMillis, toRfc3339 } from '@shared/time';
import { parseWith } from '@shared/validation';
import { call } from '@/services/cloud';
import { showError, showFormErrors } from '@/components/feedback';
import { issueAt } from '@/lib/issues';
import { minutesText } from '@/components/live/liveText';
import { replace } from '@/lib/routes';
import { useActingMerchant } from './useActing';
import { emitLiveRoomsChanged } from './useLiveEvents';
import { LIVE_ROLES } from './useLiveRooms';
import { useRetriableCreate } from './useRetriableCreate';
import { useRemote } from './useRemote';

export const NAME_WIDTH = { min: 6, max: 34 } as const;
export const HOST_WIDTH_MAX = 30;
export const LENGTH_CHOICES = [30, 60, 120, 240] as const;
const MIN = 60_000;
const FIELDS = ['name', 'hostName', 'appid', 'startAt', 'endAt'] as const;
type FieldKey = (typeof FIELDS)[number];

export interface RoomForm {
  name: string;
  hostName: string;
  appid: string;
  startAt: string;
  endAt: string;
}

/** Start: 30 minutes from now rounded up to the next 5 minutes; one hour long. */
export function initialRoomForm(now: number, hostName: string): RoomForm {
  const start = Math.ceil((now + 30 * MIN) / (5 * MIN)) * 5 * MIN;
  return { name: '', hostName, appid: '', startAt: toRfc3339(start), endAt: toRfc3339(start + 60 * MIN) };
}

/** 小美（主播） → 小美: the nickname without its parenthesised role. */
const plainName = (nickname: string) => nickname.replace(/[（(].*$/, '').trim();

export function useLiveCreate() {
  const am = useActingMerchant(LIVE_ROLES);
  const { session, acting, forbidden, scope } = am;
  // The forms want a string: empty until the session is known.
  const merchantId = am.merchantId ?? '';
  const appids = useRemote(acting ? merchantId : null, () => call('account', 'appids', { merchantId }));
  const nickname = session.state.status === 'ready' ? plainName(session.state.me.nickname) : '';
  const [form, setForm] = useState<RoomForm>(() => initialRoomForm(Date.now(), ''));
  const [touched, setTouched] = useState<Partial<Record<FieldKey, boolean>>>({});
  const [serverIssues, setServerIssues] = useState<Issue[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const create = useRetriableCreate('room');

  // Defaults that arrive later: the first APPID and the member's own name.
  const options = appids.data?.appids ?? [];
  const appid = form.appid || options[0]?.appid || '';
  const [hostEdited, setHostEdited] = useState(false);
  const hostName = hostEdited ? form.hostName : nickname;
  const draft = { ...form, appid, hostName: hostName.trim(), name: form.name.trim() };

  // Cheap enough to run on every render: the same checks the server runs.
  const issues = (() => {
    const parsed = parseWith(createRoomInput, { merchantId: merchantId || '0000000000', requestId: 'preview-request', ...draft });
    const local = parsed.ok ? [] : parsed.issues.filter((i) => (FIELDS as readonly string[]).includes(i.path));
    const times = checkRoomTimes(draft, new Date());
    const noAppid: Issue[] = options.length || appids.loading ? [] : [{ rule: 'L1', path: 'appid', level: 'error', message: '本商户还没有绑定小程序，请先绑定 APPID' }];
    return [...local, ...times, ...noAppid];
  })();

  const set = <K extends FieldKey>(key: K, value: RoomForm[K]) => {
    if (key === 'hostName') setHostEdited(true);
    setForm((f) => ({ ...f, [key]: value }));
    setTouched((t) => ({ ...t, [key]: true }));
    setServerIssues((s) => s.filter((i) => i.path !== key));
  };

  const setStart = (iso: string) => {
    // Keep the length when the start moves.
    const length = toMillis(form.endAt) - toMillis(form.startAt);
    setForm((f) => ({ ...f, startAt: iso, endAt: toRfc3339(toMillis(iso) + Math.max(length, ROOM_LENGTH_MINUTES.min * MIN)) }));
    setTouched((t) => ({ ...t, startAt: true, endAt: true }));
    setServerIssues((s) => s.filter((i) => i.path !== 'startAt' && i.path !== 'endAt'));
  };

  const issueOf = (key: FieldKey): Issue | undefined => issueAt(serverIssues, key, true) ?? (touched[key] ? issueAt(issues, key, true) : undefined);
  const lengthMinutes = Math.round((toMillis(draft.endAt) - toMillis(draft.startAt)) / MIN);

  const submit = async () => {
    if (submitting || !acting) return;
    setTouched(Object.fromEntries(FIELDS.map((k) => [k, true])));
    if (issues.some((i) => i.level === 'error')) {
      showFormErrors('还有未通过校验的项，请修改后再创建');
      return;
    }
    const payload = { merchantId, ...draft };
    setSubmitting(true);
    const out = await create.send(payload, (requestId) => call('live', 'createRoom', { ...payload, requestId }));
    setSubmitting(false);
    if (out.ok) {
      emitLiveRoomsChanged(out.value.roomId);
      replace('liveConsole', { roomId: out.value.roomId, ...scope });
      return;
    }
    // A network failure keeps the requestId: the retry cannot create a second room.
    if (!out.error.isNetwork) setServerIssues(out.error.issues);
    showError(out.error);
  };

  return {
    session,
    acting,
    forbidden,
    appids,
    options,
    form: draft,
    nameWidth: textWidth(draft.name),
    set,
    setStart,
    setLength: (minutes: number) => set('endAt', toRfc3339(toMillis(draft.startAt) + minutes * MIN)),
    lengthMinutes,
    lengthText: lengthMinutes > 0 ? minutesText(lengthMinutes) : '—',
    issueOf,
    leadNote: `开播时间需至少在 ${ROOM_MIN_LEAD_MINUTES} 分钟后`,
    lengthNote: `直播时长 ${minutesText(ROOM_LENGTH_MINUTES.min)} 至 24 小时`,
    submitting,
    networkFailed: create.networkFailed,
    submit,
  };
}

export type LiveCreateVm = ReturnType<typeof useLiveCreate>;
