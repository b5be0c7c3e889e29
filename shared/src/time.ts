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
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

export function isRfc3339(s: string): boolean {
  const m = RFC3339.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  if (h > 23 || mi > 59 || sec > 59) return false;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return false;
  // Reject calendar overflow such as 2026-02-30, which Date would roll into March.
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

/*
 * All arithmetic is on epoch milliseconds; "Shanghai wall time" is the instant shifted by +8 h and
 * read in UTC mode. dayjs's own offset mode goes through the process's local Date and shifts near
 * the daylight-saving switches of the zone the process (or phone) is in; this does not.
 */
export function toMillis(t: TimeInput): number {
  if (typeof t === 'number') return t;
  if (t instanceof Date) return t.getTime();
  // The common case, our own RFC 3339 strings, without dayjs's general parser (a hot path of claims).
  if (typeof t === 'string') {
    const m = RFC3339.exec(t);
    // Years before 1000 are left out too: Date.UTC reads 0–99 as 1900–1999.
    if (m && +m[1]! >= 1000 && +m[2]! >= 1 && +m[2]! <= 12 && +m[4]! < 24 && +m[5]! < 60 && +m[6]! < 60) {
      const local = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0);
      // Out-of-range fields (2026-02-30, +25:00) are left to the general parser, so they read as Date.parse reads them.
      if (new Date(local).getUTCDate() === +m[3]! && (m[8] === 'Z' || (+m[9]! < 24 && +m[10]! < 60))) {
        return local - (m[8] === 'Z' ? 0 : (m[8]![0] === '-' ? -1 : 1) * (+m[9]! * 60 + +m[10]!) * 60_000);
      }
    }
  }
  return dayjs(t).valueOf();
}
const wall = (t: TimeInput): Dayjs => dayjs.utc(toMillis(t) + OFFSET_MS);
const fromWall = (w: Dayjs): Date => new Date(w.valueOf() - OFFSET_MS);

/** The instant as a Date (any input form). */
export function sh(t: TimeInput): Date {
  return new Date(toMillis(t));
}

/** `2026-11-22T09:30:00+08:00` */
export function toRfc3339(t: TimeInput): string {
  const w = new Date(toMillis(t) + OFFSET_MS);
  const y = w.getUTCFullYear();
  if (y < 1000 || y > 9999) return wall(t).format('YYYY-MM-DDTHH:mm:ss') + SHANGHAI_OFFSET;
  return `${y}-${pad2(w.getUTCMonth() + 1)}-${pad2(w.getUTCDate())}T${pad2(w.getUTCHours())}:${pad2(w.getUTCMinutes())}:${pad2(w.getUTCSeconds())}${SHANGHAI_OFFSET}`;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Midnight at the start of the instant's Shanghai day. */
export function startOfDay(t: TimeInput): Date {
  return fromWall(wall(t).startOf('day'));
}

/** Shanghai keeps no daylight saving: a day is always 24 hours. */
export function addDays(t: TimeInput, days: number): Date {
  return new Date(toMillis(t) + days * DAY_MS);
}

/** Calendar day in Shanghai: `2026-11-22`. */
export function dayKey(t: TimeInput): string {
  return wall(t).format('YYYY-MM-DD');
}

/** Midnight at the start of a Shanghai calendar day given as `YYYY-MM-DD`. */
export function dayStart(key: string): Date {
  return new Date(Date.parse(`${key}T00:00:00Z`) - OFFSET_MS);
}

/** For messages shown to merchants: `2026-11-22 09:30`, with seconds only when they matter. */
export function formatDateTime(t: TimeInput): string {
  const w = wall(t);
  return w.format(w.second() ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm');
}

export function formatDate(t: TimeInput): string {
  return wall(t).format('YYYY-MM-DD');
}

/** Whole days between two instants (b − a), counted in Shanghai calendar days. */
export function calendarDaysBetween(a: TimeInput, b: TimeInput): number {
  return Math.round((startOfDay(b).getTime() - startOfDay(a).getTime()) / DAY_MS);
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

/** Any dayjs pattern, in Shanghai wall time: `formatShanghai(t, 'MM月DD日 HH:mm')`. */
export function formatShanghai(t: TimeInput, pattern: string): string {
  return wall(t).format(pattern);
}
