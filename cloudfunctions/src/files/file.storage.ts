import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/** Where uploaded bytes live: a folder locally, cloud storage on CloudBase. */
export interface FileStorage {
  /** Stores the bytes under a key made by the server; answers the fileId to hand out. */
  put(key: string, bytes: Uint8Array): Promise<string>;
  get(fileId: string): Promise<Uint8Array | null>;
  /** A link a phone can open to download the file, saved as `downloadName` where the storage can say so. */
  url(fileId: string, downloadName?: string): Promise<string>;
  /** Links for many files in as few calls as the storage allows (a feed page shows dozens of images). */
  urls(fileIds: readonly string[]): Promise<Map<string, string>>;
}

/** Keys are made by the server: `<purpose>/<id>.<ext>`; nothing else reaches the file system. */
export const FILE_KEY = /^(logo|smallImage|largeImage|seedPackage|export)\/[A-Za-z0-9_]{8,64}\.(jpg|png|csv)$/;
const LOCAL_PREFIX = 'local:';

/**
 * An export's key names the merchant it was made for, so a download can be checked against the
 * roles that may export for that merchant: a leaked link is useless to any other account.
 */
export function exportFileKey(merchantId: string, id: string): string {
  return `export/${merchantId}_${id}.csv`;
}
const EXPORT_KEY = /^export\/(\d{6,16})_[0-9a-f]{32}\.csv$/;
/** The name an export is saved under: what it covers (a campaign or the merchant) and its days. */
export function exportFileName(scopeId: string, from: string, to: string): string {
  return `核销明细_${scopeId}_${from}_${to}.csv`;
}
/** Names `exportFileName` makes; a download asking for any other name is not given it. */
export const EXPORT_NAME = /^核销明细_[A-Za-z0-9_-]{1,64}_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/;
/** The merchant an export key was made for, or null for any other key. */
export function exportFileOwner(key: string): string | null {
  return EXPORT_KEY.exec(key)?.[1] ?? null;
}

export class LocalFileStorage implements FileStorage {
  private readonly root: string;
  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The path of a key inside the root, or null: ids that could walk out of it are refused. */
  private pathOf(key: string): string | null {
    if (!FILE_KEY.test(key)) return null;
    const p = resolve(join(this.root, key));
    return p.startsWith(this.root + sep) ? p : null;
  }

  async put(key: string, bytes: Uint8Array): Promise<string> {
    const p = this.pathOf(key);
    if (!p) throw new Error(`bad file key ${key}`);
    await mkdir(dirname(p), { recursive: true });
    await writeFile(p, bytes, { flag: 'wx' });
    return LOCAL_PREFIX + key;
  }

  async url(fileId: string, downloadName?: string): Promise<string> {
    const path = `/api/files/${encodeURIComponent(fileId.slice(LOCAL_PREFIX.length))}`;
    return downloadName ? `${path}?name=${encodeURIComponent(downloadName)}` : path;
  }

  async urls(fileIds: readonly string[]): Promise<Map<string, string>> {
    return new Map(await Promise.all(fileIds.map(async (id) => [id, await this.url(id)] as const)));
  }

  async get(fileId: string): Promise<Uint8Array | null> {
    if (!fileId.startsWith(LOCAL_PREFIX)) return null;
    const p = this.pathOf(fileId.slice(LOCAL_PREFIX.length));
    if (!p) return null;
    try {
      return await readFile(p);
    } catch {
      return null;
    }
  }
}
