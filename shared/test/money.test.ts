import fc from 'fast-check';
import { fenToYuan, fenToYuanShort, isFen, yuanToFen } from '@shared/money';

describe('yuanToFen', () => {
  it.each([
    ['500', 50000],
    ['0.01', 1],
    ['0.1', 10],
    ['500.5', 50050],
    ['500.50', 50050],
    ['0', 0],
    ['0.00', 0],
    ['007', 700],
    [' 12.30 ', 1230],
    ['\t8\n', 800],
    ['100000', 10_000_000],
    ['999999999.99', 99_999_999_999],
  ])('%j → %d fen', (input, fen) => {
    expect(yuanToFen(input)).toBe(fen);
  });

  it.each([
    '1.234', // more than two decimals
    '-1',
    '+1',
    'abc',
    '',
    '   ',
    '.5',
    '1,000',
    '1e3',
    '1 000',
    '１２', // full-width digits
    '¥5',
    '5元',
    '1.2.3',
    'NaN',
    'Infinity',
    '1000000000', // ten integer digits: beyond what a merchant can type
    '99999999999999999999',
  ])('%j is not money', (input) => {
    expect(yuanToFen(input)).toBeNull();
  });

  it('always returns a safe integer when it returns a number', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 14 }), (s) => {
        const f = yuanToFen(s);
        return f === null || (Number.isSafeInteger(f) && f >= 0);
      }),
    );
  });
});

describe('fenToYuan / fenToYuanShort', () => {
  it.each([
    [50000, '500.00', '500'],
    [50050, '500.50', '500.5'],
    [50055, '500.55', '500.55'],
    [1, '0.01', '0.01'],
    [10, '0.10', '0.1'],
    [0, '0.00', '0'],
    [100, '1.00', '1'],
    [100000, '1000.00', '1000'],
    [500000, '5000.00', '5000'],
    [10_000_000, '100000.00', '100000'],
    [-1, '-0.01', '-0.01'],
    [-50000, '-500.00', '-500'],
  ])('%d fen → %s / %s', (fen, full, short) => {
    expect(fenToYuan(fen)).toBe(full);
    expect(fenToYuanShort(fen)).toBe(short);
  });

  it('formats the largest safe integer exactly', () => {
    expect(fenToYuan(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
  });

  it('round-trips yuanToFen(fenToYuan(f)) for 0..10^9 fen (and across the 9-digit 元 limit)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), (f) => yuanToFen(fenToYuan(f)) === f));
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (f) => yuanToFen(fenToYuan(f)) === f));
  });

  it('round-trips through the short form too', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), (f) => yuanToFen(fenToYuanShort(f)) === f));
  });

  it('the short form never ends in a zero after the point, nor in a bare point', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), (f) => {
        const s = fenToYuanShort(f);
        return !/\.$/.test(s) && !/\.\d*0$/.test(s);
      }),
    );
  });
});

describe('isFen', () => {
  it('accepts safe integers only', () => {
    expect(isFen(0)).toBe(true);
    expect(isFen(50000)).toBe(true);
    expect(isFen(-1)).toBe(true);
    expect(isFen(1.5)).toBe(false);
    expect(isFen('500')).toBe(false);
    expect(isFen(NaN)).toBe(false);
    expect(isFen(Infinity)).toBe(false);
    expect(isFen(2 ** 53)).toBe(false);
    expect(isFen(null)).toBe(false);
  });
});
