import { imageSize } from 'image-size';
import { IMAGE_SPECS, imageLabel, imageProblems, MAX_IMAGE_BYTES, MAX_SEED_PACKAGE_BYTES, formatBytes, type ImagePurpose, type UploadPurpose } from '@shared/files';
import type { Issue } from '@shared/result';

export interface Inspected {
  format: string;
  width: number;
  height: number;
  bytes: number;
  rows?: number;
  /** The normalised content to store (seed packages: one id per line). */
  content: Uint8Array;
}

export type InspectResult = { ok: true; value: Inspected } | { ok: false; issues: Issue[] };

const USER_ID = /^[A-Za-z0-9_-]{6,64}$/;
const HEADER = /^(openid|user_?id|userid|uid)$/i;

/**
 * Reads what a file really is — never what its name or the client says. Images: format and pixel
 * size from the content (image-size), then F1/P3/P4. Seed packages: a CSV of user ids, one per
 * line (an optional header line), refused when empty or malformed, naming the line.
 */
export function inspectUpload(purpose: UploadPurpose, bytes: Uint8Array): InspectResult {
  if (purpose === 'seedPackage') return inspectSeedPackage(bytes);
  const spec = IMAGE_SPECS[purpose as ImagePurpose];
  const label = imageLabel(purpose as ImagePurpose);
  const fail = (message: string): InspectResult => ({ ok: false, issues: [{ rule: spec.rule, path: 'file', level: 'error', message, hint: `请上传 ${spec.width}×${spec.height}、不超过 1 MB 的 jpg/png 图片` }] });
  if (bytes.length === 0) return fail(`${label}文件为空`);
  if (bytes.length > MAX_IMAGE_BYTES) return fail(`${label}大小为 ${formatBytes(bytes.length)}，不能超过 1 MB`);
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    return fail(`${label}不是可识别的图片（仅支持 jpg、png）`);
  }
  const format = size.type === 'jpeg' ? 'jpg' : size.type ?? 'unknown';
  const meta = { format, width: size.width ?? 0, height: size.height ?? 0, bytes: bytes.length };
  const problems = imageProblems(meta, purpose as ImagePurpose);
  if (problems.length) return { ok: false, issues: problems.map((message) => ({ rule: spec.rule, path: 'file', level: 'error' as const, message, hint: `请上传 ${spec.width}×${spec.height}、不超过 1 MB 的 jpg/png 图片` })) };
  return { ok: true, value: { ...meta, content: bytes } };
}

function inspectSeedPackage(bytes: Uint8Array): InspectResult {
  const fail = (message: string, hint = '种子包为 CSV 文件，每行一个用户 ID（6–64 位字母、数字、_ 或 -），可带表头 openid'): InspectResult =>
    ({ ok: false, issues: [{ rule: 'T2', path: 'file', level: 'error', message, hint }] });
  if (bytes.length > MAX_SEED_PACKAGE_BYTES) return fail(`种子包大小为 ${formatBytes(bytes.length)}，不能超过 10 MB`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return fail('种子包不是 UTF-8 文本文件');
  }
  const lines = text.split(/\r?\n/);
  const ids: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    const cell = raw.split(',')[0]!.trim().replace(/^"(.*)"$/, '$1');
    if (ids.length === 0 && seen.size === 0 && HEADER.test(cell)) continue;
    if (!USER_ID.test(cell)) return fail(`种子包第 ${i + 1} 行「${cell.slice(0, 40)}」不是有效的用户 ID`);
    if (!seen.has(cell)) {
      seen.add(cell);
      ids.push(cell);
    }
  }
  if (!ids.length) return fail('种子包没有任何用户 ID');
  const content = new TextEncoder().encode(ids.join('\n') + '\n');
  return { ok: true, value: { format: 'csv', width: 0, height: 0, bytes: bytes.length, rows: ids.length, content } };
}
