import { createHash, randomBytes } from 'node:crypto';

let lastMs = 0;
let seq = 0;

/**
 * Time-ordered unique id: `<prefix>_<ms base36><sequence><random>`. Within one process ids sort
 * in creation order even inside the same millisecond; across instances the random part keeps
 * them unique.
 */
export function newId(prefix: string, at: Date = new Date()): string {
  const ms = at.getTime();
  seq = ms === lastMs ? seq + 1 : 0;
  lastMs = ms;
  return `${prefix}_${ms.toString(36).padStart(9, '0')}${seq.toString(36).padStart(3, '0')}${randomBytes(5).toString('hex')}`;
}

/** Canonical JSON (sorted keys) so equal payloads hash equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
