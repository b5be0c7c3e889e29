/**
 * Text width as WeChat Pay counts it: a Han character or full-width punctuation is 2, an ASCII
 * letter, digit, space or punctuation is 1. "At most 12 Chinese characters" means width ≤ 24.
 */

// Han ideographs (CJK Unified + Extension A + Compatibility).
const HAN = /\p{Script=Han}/u;
// CJK symbols & punctuation, full-width forms, general punctuation used in Chinese text (“”‘’…—·).
const WIDE_PUNCT = /[\u3000-\u303F\uFF01-\uFF60\uFFE0-\uFFE6\u2018\u2019\u201C\u201D\u2026\u2014\u00B7\u300A-\u300F]/u;
const ASCII_PRINTABLE = /[\x20-\x7E]/;

export function charWidth(ch: string): number | null {
  if (ASCII_PRINTABLE.test(ch)) return 1;
  if (HAN.test(ch) || WIDE_PUNCT.test(ch)) return 2;
  return null;
}

/** Width of the text; characters outside the allowed set count 2 so limits still bind. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch) ?? 2;
  return w;
}

/** The characters that are not allowed in titles and names (emoji, control characters, other scripts). */
export function disallowedChars(text: string): string[] {
  // A Set, not Array.includes: 32,000 distinct characters in one 96 KB field cost seconds otherwise.
  const bad = new Set<string>();
  for (const ch of text) if (charWidth(ch) === null) bad.add(ch);
  return [...bad];
}

export const isAllowedText = (text: string): boolean => disallowedChars(text).length === 0;

/** Show a disallowed character so a merchant can find it: control characters as U+XXXX. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0) ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : ch;
}
