import fc from 'fast-check';
import { charWidth, describeChar, disallowedChars, isAllowedText, textWidth } from '@shared/text';

const codePoints = (s: string) => Array.from(s).length;

describe('charWidth / textWidth', () => {
  it('counts a Han character as 2', () => {
    expect(charWidth('券')).toBe(2);
    expect(textWidth('满减券')).toBe(6);
    // Extension B (outside the BMP, a surrogate pair) is still one Han character of width 2.
    expect(textWidth('𠀀')).toBe(2);
  });

  it.each(['，', '。', '！', '？', '“', '”', '《', '》', '…', '—', '、', '：', '；', '（', '）', '·'])(
    'counts full-width punctuation %s as 2',
    (ch) => {
      expect(charWidth(ch)).toBe(2);
      expect(disallowedChars(ch)).toEqual([]);
    },
  );

  it('counts ASCII letters, digits, space and punctuation as 1', () => {
    expect(textWidth('A')).toBe(1);
    expect(textWidth('z9')).toBe(2);
    expect(textWidth(' ')).toBe(1);
    expect(textWidth('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~')).toBe(32);
    // Every printable ASCII character, 0x20..0x7E: 95 of them.
    let all = '';
    for (let c = 0x20; c <= 0x7e; c++) all += String.fromCharCode(c);
    expect(textWidth(all)).toBe(95);
    expect(disallowedChars(all)).toEqual([]);
  });

  it('adds up mixed strings', () => {
    expect(textWidth('满100减20')).toBe(2 + 3 + 2 + 2); // 9
    expect(textWidth('Hi，你好!')).toBe(2 + 2 + 4 + 1); // 9
    expect(textWidth('《双11》大促…')).toBe(2 + 2 + 2 + 2 + 4 + 2); // 14
    expect(textWidth('')).toBe(0);
  });

  it('draws the 12-Chinese-character boundary at width 24', () => {
    const twelveHan = '全场满五百元立减五十元券';
    expect(codePoints(twelveHan)).toBe(12);
    expect(textWidth(twelveHan)).toBe(24);
    expect(textWidth(`${twelveHan}A`)).toBe(25);
    expect(textWidth(`${twelveHan.slice(0, 11)}AB`)).toBe(24);
  });

  it('gives no width to nothing and rejects characters outside the allowed set', () => {
    expect(charWidth('😀')).toBeNull();
    expect(charWidth('\n')).toBeNull();
    expect(charWidth('あ')).toBeNull(); // other scripts are not allowed either
    // …but they still count 2 per code point so a limit keeps binding.
    expect(textWidth('😀')).toBe(2);
    expect(textWidth('a😀b')).toBe(4);
  });
});

describe('disallowedChars', () => {
  it('reports plain emoji', () => {
    expect(disallowedChars('好券😀')).toEqual(['😀']);
    expect(isAllowedText('好券😀')).toBe(false);
  });

  it('reports every code point of a ZWJ sequence, once each', () => {
    const family = '👨\u200D👩\u200D👧';
    expect(disallowedChars(family)).toEqual(['👨', '\u200D', '👩', '👧']);
    expect(textWidth(family)).toBe(10); // 5 code points × 2
  });

  it('reports flags (regional indicators) and variation selectors', () => {
    expect(disallowedChars('中国🇨🇳')).toEqual(['\u{1F1E8}', '\u{1F1F3}']);
    expect(disallowedChars('爱❤️')).toEqual(['\u2764', '\uFE0F']);
    // A variation selector after an otherwise allowed character is still rejected.
    expect(disallowedChars('A\uFE0F')).toEqual(['\uFE0F']);
  });

  it.each([
    ['NUL', '\u0000'],
    ['newline', '\n'],
    ['carriage return', '\r'],
    ['tab', '\t'],
    ['DEL', '\u007F'],
    ['C1 control', '\u0085'],
    ['zero-width space', '\u200B'],
    ['BOM', '\uFEFF'],
    ['no-break space', '\u00A0'],
  ])('reports %s', (_name, ch) => {
    expect(disallowedChars(`满${ch}减`)).toEqual([ch]);
    expect(isAllowedText(`满${ch}减`)).toBe(false);
  });

  it('lists each bad character once, in order of first appearance', () => {
    expect(disallowedChars('😀a\n😀\n🎉')).toEqual(['😀', '\n', '🎉']);
  });

  it('accepts ordinary titles', () => {
    expect(disallowedChars('双11 满500减50元（限时）！')).toEqual([]);
    expect(isAllowedText('Coffee 咖啡 No.1')).toBe(true);
  });
});

describe('describeChar', () => {
  it('shows control characters as U+XXXX and others as themselves', () => {
    expect(describeChar('\u0000')).toBe('U+0000');
    expect(describeChar('\n')).toBe('U+000A');
    expect(describeChar('\u007F')).toBe('U+007F');
    expect(describeChar('\u0085')).toBe('U+0085');
    expect(describeChar('😀')).toBe('😀');
  });
});

describe('text width properties', () => {
  // Strings drawn from the allowed alphabet and from anything at all.
  const allowedChar = fc.oneof(
    fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)),
    fc.constantFrom('，', '。', '！', '？', '“', '”', '《', '》', '…', '—'),
  );
  const allowedText = fc.array(allowedChar, { maxLength: 40 }).map((a) => a.join(''));
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    allowedText,
  );

  it('width(a + b) = width(a) + width(b)', () => {
    fc.assert(fc.property(anyText, anyText, (a, b) => textWidth(a + b) === textWidth(a) + textWidth(b)));
  });

  it('width ≥ number of code points, ≤ twice that', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const n = codePoints(s);
        const w = textWidth(s);
        return w >= n && w <= 2 * n;
      }),
    );
  });

  it('allowed text has no disallowed characters and its width is 1 per ASCII, 2 per other', () => {
    fc.assert(
      fc.property(allowedText, (s) => {
        const ascii = Array.from(s).filter((c) => c.charCodeAt(0) < 0x80).length;
        return disallowedChars(s).length === 0 && textWidth(s) === ascii + 2 * (codePoints(s) - ascii);
      }),
    );
  });

  it('inserting an emoji anywhere makes the text disallowed', () => {
    fc.assert(
      fc.property(allowedText, fc.nat(), fc.constantFrom('😀', '🇨🇳', '❤️', '\u0000', '\n'), (s, at, bad) => {
        const chars = Array.from(s);
        const i = chars.length ? at % (chars.length + 1) : 0;
        const t = [...chars.slice(0, i), bad, ...chars.slice(i)].join('');
        return !isAllowedText(t) && disallowedChars(t).join('') === bad;
      }),
    );
  });
});
