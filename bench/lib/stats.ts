/** Small statistics and timing helpers shared by the measurements. */

export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

/** Nearest-rank quantile (q in [0, 1]) of a sample; NaN for an empty one. */
export function quantile(xs: readonly number[], q: number): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(s.length, Math.max(1, Math.ceil(q * s.length)));
  return s[rank - 1]!;
}

export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Runs `step` back to back for about `ms` milliseconds; answers operations per second. */
export async function opsPerSecond(ms: number, step: (i: number) => unknown): Promise<{ ops: number; perSecond: number }> {
  const start = nowMs();
  let i = 0;
  let elapsed = 0;
  do {
    // Await only what is a promise: a synchronous step is timed without microtask overhead.
    const r = step(i++);
    if (r instanceof Promise) await r;
    elapsed = nowMs() - start;
  } while (elapsed < ms);
  return { ops: i, perSecond: (i * 1000) / elapsed };
}

/** Runs `a` and `b` alternately, `runs` times each, so drift and noise hit both alike. */
export async function interleaved<A, B>(runs: number, a: () => Promise<A>, b: () => Promise<B>): Promise<{ a: A[]; b: B[] }> {
  const out = { a: [] as A[], b: [] as B[] };
  for (let r = 0; r < runs; r++) {
    out.a.push(await a());
    out.b.push(await b());
  }
  return out;
}

export const round = (x: number, digits = 0): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** Every measurement script ends with one JSON document on the path given as `--out`. */
export function outPath(): string {
  const i = process.argv.indexOf('--out');
  const p = i >= 0 ? process.argv[i + 1] : undefined;
  if (!p) throw new Error('usage: … --out <result.json>');
  return p;
}

export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
