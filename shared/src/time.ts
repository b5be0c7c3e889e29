import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * Every day boundary, "today" and "12:00" is Asia/Shanghai, whatever zone the process runs in.
 * China has kept a fixed UTC+08:00 without daylight saving since 1991, so a fixed offset is exact
 * for every date a campaign can have — and it needs no Intl time-zone data, which mini-program
 * JavaScript engines do not reliably ship.
 */
export const SHANGHAI_OFFSET_MINUTES = 480;
export const SHANGHAI_OFFSET = '+08:00';

export type TimeInput = Date | string | number | Dayjs;

/** RFC 3339 with an explicit offset (Z or ±hh:mm); seconds required, fraction optional. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export function isRfc3339(s: string): boolean {
  const m = RFC3339.exec(s);
  if (!m) return false;
  const d = dayjs(s);
  if (!d.isValid()) return false;
  // Reject calendar overflow such as 2026-02-30, which Date would roll into March.
  const offset = m[8] === 'Z' ? '+00:00' : (m[8] as string);
  const sign = offset.startsWith('-') ? -1 : 1;
  const offMin = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = d.utcOffset(offMin);
  return local.year() === Number(m[1]) && local.month() + 1 === Number(m[2]) && local.date() === Number(m[3]) && local.hour() === Number(m[4]);
}

/** The instant in Shanghai local time. */
export function sh(t: TimeInput): Dayjs {
  // Go through the epoch instant: dayjs's utcOffset() on a Dayjs that already has an offset shifts
  // it twice unless the process itself runs at +08:00.
  return dayjs(dayjs(t).valueOf()).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

/** `2026-11-22T09:30:00+08:00` */
export function toRfc3339(t: TimeInput): string {
  return sh(t).format('YYYY-MM-DDTHH:mm:ss') + SHANGHAI_OFFSET;
}

export const toMillis = (t: TimeInput): number => dayjs(t).valueOf();

export function startOfDay(t: TimeInput): Dayjs {
  return sh(t).startOf('day');
}

export function addDays(t: TimeInput, days: number): Dayjs {
  return sh(t).add(days, 'day');
}

/** Calendar day in Shanghai: `2026-11-22`. */
export function dayKey(t: TimeInput): string {
  return sh(t).format('YYYY-MM-DD');
}

/** Midnight at the start of a Shanghai calendar day given as `YYYY-MM-DD`. */
export function dayStart(key: string): Dayjs {
  return dayjs(`${key}T00:00:00${SHANGHAI_OFFSET}`).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

/** For messages shown to merchants: `2026-11-22 09:30`, with seconds only when they matter. */
export function formatDateTime(t: TimeInput): string {
  const d = sh(t);
  return d.format(d.second() ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm');
}

export function formatDate(t: TimeInput): string {
  return sh(t).format('YYYY-MM-DD');
}

/** Whole days between two instants (b − a), counted in Shanghai calendar days. */
export function calendarDaysBetween(a: TimeInput, b: TimeInput): number {
  return startOfDay(b).diff(startOfDay(a), 'day');
}

/** 400 s → 6分40秒 */
export function formatDurationZh(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return (h ? `${h}小时` : '') + (h || m ? `${m}分` : '') + `${sec}秒`;
}

/** 12207 s → 03:23:27 */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

export { dayjs };
export type { Dayjs };
