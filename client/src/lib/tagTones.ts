/**
 * Tag colours: dark text on a light tint, at least 4.5:1 at tag size (white on NutUI's #4fc08d
 * was 2.3:1).
 */
export const TAG_TONES = {
  green: { background: '#e6f6ed', color: '#067a3e' },
  blue: { background: '#eef4ff', color: '#1d4ed8' },
  orange: { background: '#fff4e5', color: '#9a4a00' },
  grey: { background: '#eef1f4', color: '#4a5663' },
} as const;

export type TagTone = keyof typeof TAG_TONES;
