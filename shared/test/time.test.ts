/**
 * Every assertion here is about absolute instants or Shanghai wall-clock text, so the suite must
 * give the same answers under TZ=UTC and TZ=Asia/Shanghai (the test script runs it under both).
 */
import fc from 'fast-check';
import {
  addDays,
  calendarDaysBetween,
  dayKey,
  dayStart,
  formatClock,
  formatDate,
  formatDateTime,
  formatDurationZh,
  isRfc3339,
  sh,
  startOfDay,
  toMillis,
  toRfc3339,
} from '@shared/time';

const ms = (iso: string) => Date.parse(iso);
const DAY = 86_400_000;
const RFC_SH = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

describe('toRfc3339', () => {
  it.each([
    ['2026-11-22T01:30:00Z', '2026-11-22T09:30:00+08:00'],
    ['2026-11-21T16:00:00Z', '2026-11-22T00:00:00+08:00'],
    ['2026-11-21T15:59:59Z', '2026-11-21T23:59:59+08:00'],
    ['2026-11-22T09:30:00+08:00', '2026-11-22T09:30:00+08:00'],
    ['2026-11-21T20:30:00-05:00', '2026-11-22T09:30:00+08:00'],
    ['2026-12-31T16:00:00Z', '2027-01-01T00:00:00+08:00'],
    ['2028-02-28T16:00:00Z', '2028-02-29T00:00:00+08:00'],
  ])('%s → %s', (input, out) => {
    expect(toRfc3339(input)).toBe(out);
  });

  it('accepts Date and epoch milliseconds alike', () => {
    expect(toRfc3339(new Date(ms('2026-11-22T01:30:00Z')))).toBe('2026-11-22T09:30:00+08:00');
    expect(toRfc3339(ms('2026-11-22T01:30:00Z'))).toBe('2026-11-22T09:30:00+08:00');
    expect(toRfc3339(0)).toBe('1970-01-01T08:00:00+08:00');
  });

  it('is right for a Dayjs that is already in Shanghai time (startOfDay, dayStart, addDays, sh)', () => {
    expect(toRfc3339(startOfDay('2026-11-21T16:30:00Z'))).toBe('2026-11-22T00:00:00+08:00');
    expect(toRfc3339(dayStart('2026-11-22'))).toBe('2026-11-22T00:00:00+08:00');
    expect(toRfc3339(addDays('2026-11-22T01:30:00Z', 2))).toBe('2026-11-24T09:30:00+08:00');
    expect(toRfc3339(sh(sh('2026-11-22T01:30:00Z')))).toBe('2026-11-22T09:30:00+08:00');
  });

  it('always writes +08:00 and round-trips the instant to the second', () => {
    fc.assert(
      fc.property(fc.integer({ min: ms('2000-01-01T00:00:00Z'), max: ms('2100-01-01T00:00:00Z') }), (t) => {
        const s = toRfc3339(t);
        return RFC_SH.test(s) && isRfc3339(s) && ms(s) === Math.floor(t / 1000) * 1000;
      }),
    );
  });
});

describe('isRfc3339', () => {
  it.each([
    '2026-11-22T09:30:00+08:00',
    '2026-11-22T01:30:00Z',
    '2026-11-22T01:30:00.123Z',
    '2026-11-22T01:30:00.123456789+08:00',
    '2026-11-21T20:30:00-05:00',
    '2026-11-22T07:00:00+05:30',
    '2026-11-22T00:00:00-00:00',
    '2024-02-29T00:00:00+08:00',
    '2026-12-31T23:59:59+08:00',
  ])('accepts %s', (s) => {
    expect(isRfc3339(s)).toBe(true);
  });

  it.each([
    ['no offset', '2026-11-22T09:30:00'],
    ['no seconds', '2026-11-22T09:30+08:00'],
    ['date only', '2026-11-22'],
    ['space instead of T', '2026-11-22 09:30:00+08:00'],
    ['offset without colon', '2026-11-22T09:30:00+0800'],
    ['February 30', '2026-02-30T00:00:00+08:00'],
    ['February 29 of a common year', '2026-02-29T00:00:00+08:00'],
    ['April 31', '2026-04-31T00:00:00+08:00'],
    ['month 13', '2026-13-01T00:00:00+08:00'],
    ['month 00', '2026-00-10T00:00:00+08:00'],
    ['day 00', '2026-11-00T00:00:00+08:00'],
    ['24:00', '2026-11-21T24:00:00+08:00'],
    ['hour 25', '2026-11-21T25:00:00+08:00'],
    ['minute 60', '2026-11-21T10:60:00+08:00'],
    ['second 61', '2026-11-21T10:00:61+08:00'],
    ['offset minutes 60', '2026-11-21T10:00:00+08:60'],
    ['offset 24 hours', '2026-11-21T10:00:00+24:00'],
    ['empty', ''],
    ['trailing text', '2026-11-22T09:30:00+08:00 '],
    ['garbage', 'tomorrow'],
  ])('rejects %s', (_why, s) => {
    expect(isRfc3339(s)).toBe(false);
  });
});

describe('Shanghai day boundaries', () => {
  it('startOfDay of 2026-11-21T16:30:00Z is 2026-11-22T00:00:00+08:00', () => {
    expect(startOfDay('2026-11-21T16:30:00Z').valueOf()).toBe(ms('2026-11-22T00:00:00+08:00'));
    expect(startOfDay('2026-11-21T15:30:00Z').valueOf()).toBe(ms('2026-11-21T00:00:00+08:00'));
  });

  it('splits days at 16:00:00Z, not at UTC midnight', () => {
    expect(dayKey('2026-11-21T15:59:59Z')).toBe('2026-11-21');
    expect(dayKey('2026-11-21T15:59:59.999Z')).toBe('2026-11-21');
    expect(dayKey('2026-11-21T16:00:00Z')).toBe('2026-11-22');
    expect(dayKey('2026-11-21T23:59:59Z')).toBe('2026-11-22');
    expect(dayKey('2026-11-22T00:00:00Z')).toBe('2026-11-22');
    expect(dayKey('2026-12-31T16:00:00Z')).toBe('2027-01-01');
    expect(dayKey(new Date(ms('2026-11-21T16:00:00Z')))).toBe('2026-11-22');
  });

  it('dayStart is Shanghai midnight', () => {
    expect(dayStart('2026-11-22').valueOf()).toBe(ms('2026-11-21T16:00:00Z'));
    expect(dayStart('2027-01-01').valueOf()).toBe(ms('2026-12-31T16:00:00Z'));
    expect(dayStart('2028-02-29').valueOf()).toBe(ms('2028-02-28T16:00:00Z'));
  });

  it('dayKey and formatDate read a Shanghai-day Dayjs as that day', () => {
    expect(dayKey(dayStart('2026-11-22'))).toBe('2026-11-22');
    expect(dayKey(startOfDay('2026-11-21T16:30:00Z'))).toBe('2026-11-22');
    expect(formatDate(dayStart('2026-11-22'))).toBe('2026-11-22');
    expect(formatDateTime(dayStart('2026-11-22'))).toBe('2026-11-22 00:00');
  });

  it('formatDateTime and formatDate show Shanghai wall-clock time', () => {
    expect(formatDateTime('2026-11-22T01:30:00Z')).toBe('2026-11-22 09:30');
    expect(formatDateTime('2026-11-21T16:05:00Z')).toBe('2026-11-22 00:05');
    expect(formatDate('2026-11-21T16:05:00Z')).toBe('2026-11-22');
  });

  it('addDays moves whole Shanghai days', () => {
    expect(addDays('2026-11-21T16:30:00Z', 1).valueOf()).toBe(ms('2026-11-22T16:30:00Z'));
    expect(addDays('2026-12-31T10:00:00+08:00', 1).valueOf()).toBe(ms('2027-01-01T10:00:00+08:00'));
    expect(addDays(startOfDay('2026-11-21T16:30:00Z'), 2).valueOf()).toBe(ms('2026-11-24T00:00:00+08:00'));
  });

  it('toMillis is the epoch instant', () => {
    expect(toMillis('2026-11-22T00:00:00+08:00')).toBe(ms('2026-11-21T16:00:00Z'));
    expect(toMillis(dayStart('2026-11-22'))).toBe(ms('2026-11-21T16:00:00Z'));
  });

  it.each([
    '2026-11-22T10:00:00.5Z', '2026-11-22T10:00:00.123456789+08:00', '2026-02-28T23:59:59.999-05:30', '2024-02-29T00:00:00Z',
    '2026-02-30T10:00:00+08:00', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z', '2026-11-00T00:00:00Z',
    '2026-11-22T24:00:00Z', '2026-11-22T10:60:00Z', '2026-11-22T10:00:00+24:00', '0999-01-01T00:00:00Z', '0050-06-01T00:00:00Z',
  ])('toMillis(%s) reads a string exactly as Date.parse does, invalid fields included', (s) => {
    expect(toMillis(s)).toBe(Date.parse(s));
  });

  it('property: toMillis reads every RFC 3339 instant as Date.parse does, and toRfc3339 round-trips it', () => {
    fc.assert(
      fc.property(fc.integer({ min: ms('1970-01-01T00:00:00Z'), max: ms('2200-01-01T00:00:00Z') }), fc.integer({ min: -14 * 60, max: 14 * 60 }), (t, offMin) => {
        const sign = offMin < 0 ? '-' : '+';
        const abs = Math.abs(offMin);
        const local = new Date(t + offMin * 60_000).toISOString().slice(0, 23);
        const text = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        expect(toMillis(text)).toBe(t);
        expect(toMillis(toRfc3339(t))).toBe(t - (((t % 1000) + 1000) % 1000));
      }),
    );
  });

  it('property: dayStart(dayKey(t)) ≤ t < dayStart(dayKey(t)) + 1 day', () => {
    fc.assert(
      fc.property(fc.integer({ min: ms('1992-01-01T00:00:00Z'), max: ms('2100-01-01T00:00:00Z') }), (t) => {
        const key = dayKey(t);
        const start = dayStart(key).valueOf();
        return /^\d{4}-\d{2}-\d{2}$/.test(key) && start <= t && t < start + DAY && (start - ms('1970-01-01T00:00:00+08:00')) % DAY === 0;
      }),
    );
  });

  it('property: startOfDay(t) is dayStart(dayKey(t)) and dayKey(dayStart(k)) is k', () => {
    fc.assert(
      fc.property(fc.integer({ min: ms('1992-01-01T00:00:00Z'), max: ms('2100-01-01T00:00:00Z') }), (t) => {
        const key = dayKey(t);
        return startOfDay(t).valueOf() === dayStart(key).valueOf() && dayKey(dayStart(key)) === key;
      }),
    );
  });
});

describe('calendarDaysBetween', () => {
  it.each([
    ['one second across Shanghai midnight', '2026-11-21T15:59:59Z', '2026-11-21T16:00:00Z', 1],
    ['same Shanghai day, different UTC days', '2026-11-21T16:00:00Z', '2026-11-22T15:59:59Z', 0],
    ['23h59m inside a day', '2026-11-22T00:00:00+08:00', '2026-11-22T23:59:59+08:00', 0],
    ['month end', '2026-11-30T23:00:00+08:00', '2026-12-01T01:00:00+08:00', 1],
    ['year end', '2026-12-31T23:59:59+08:00', '2027-01-01T00:00:00+08:00', 1],
    ['February of a leap year', '2028-02-28T12:00:00+08:00', '2028-03-01T12:00:00+08:00', 2],
    ['February of a common year', '2026-02-28T12:00:00+08:00', '2026-03-01T12:00:00+08:00', 1],
    ['a whole year', '2026-01-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00', 365],
    ['backwards', '2026-12-01T01:00:00+08:00', '2026-11-30T23:00:00+08:00', -1],
    ['90 days', '2026-11-22T09:00:00+08:00', '2027-02-20T08:00:00+08:00', 90],
  ])('%s', (_why, a, b, n) => {
    expect(calendarDaysBetween(a, b)).toBe(n);
  });

  it('counts from a Shanghai-day Dayjs the same as from its string', () => {
    expect(calendarDaysBetween(dayStart('2026-11-22'), '2026-11-22T23:00:00+08:00')).toBe(0);
    expect(calendarDaysBetween('2026-11-22T23:00:00+08:00', dayStart('2026-11-23'))).toBe(1);
    expect(calendarDaysBetween(dayStart('2026-11-22'), dayStart('2026-12-01'))).toBe(9);
  });

  it('property: equals the difference of day indices, whatever the times of day', () => {
    const t = fc.integer({ min: ms('2000-01-01T00:00:00Z'), max: ms('2100-01-01T00:00:00Z') });
    const dayIndex = (x: number) => Math.floor((x + 8 * 3_600_000) / DAY);
    fc.assert(fc.property(t, t, (a, b) => calendarDaysBetween(a, b) === dayIndex(b) - dayIndex(a)));
  });
});

describe('durations', () => {
  it.each([
    [400, '6分40秒'],
    [0, '0秒'],
    [59, '59秒'],
    [60, '1分0秒'],
    [3600, '1小时0分0秒'],
    [3661, '1小时1分1秒'],
    [12207, '3小时23分27秒'],
    [-5, '0秒'],
    [59.6, '1分0秒'],
  ])('formatDurationZh(%d) = %s', (s, out) => {
    expect(formatDurationZh(s)).toBe(out);
  });

  it.each([
    [12207, '03:23:27'],
    [0, '00:00:00'],
    [59, '00:00:59'],
    [3600, '01:00:00'],
    [86399, '23:59:59'],
    [360000, '100:00:00'],
    [-1, '00:00:00'],
    [59.9, '00:00:59'],
  ])('formatClock(%d) = %s', (s, out) => {
    expect(formatClock(s)).toBe(out);
  });
});
