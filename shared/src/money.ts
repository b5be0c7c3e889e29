/** Money is an integer number of fen on the wire and in storage; 元 exist only at the edges of the UI. */
export type Fen = number;

const YUAN_PATTERN = /^(\d{1,9})(?:\.(\d{0,2}))?$/;

/** Parse what a merchant typed in 元 ("500", "500.5", "0.01") into fen; null when it is not money. */
export function yuanToFen(input: string): Fen | null {
  const m = YUAN_PATTERN.exec(input.trim());
  if (!m) return null;
  const whole = Number(m[1]);
  const frac = (m[2] ?? '').padEnd(2, '0');
  return whole * 100 + Number(frac);
}

/** 50000 → "500.00" */
export function fenToYuan(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return `${sign}${yuan}.${rest}`;
}

/** 50000 → "500", 50050 → "500.5" — for summaries such as 满5000元减500元. */
export function fenToYuanShort(fen: Fen): string {
  return fenToYuan(fen).replace(/\.?0+$/, '');
}

export const isFen = (n: unknown): n is Fen => typeof n === 'number' && Number.isSafeInteger(n);
