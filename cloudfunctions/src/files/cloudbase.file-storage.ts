import { init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk';
import type { FileStorage } from './file.storage';

/** The few SDK calls used, typed narrowly (the SDK's own typings are loose). */
interface SdkStorage {
  uploadFile(opts: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  downloadFile(opts: { fileID: string }): Promise<{ fileContent: Buffer }>;
  getTempFileURL(opts: { fileList: Array<{ fileID: string; maxAge: number }> }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string; code: string }> }>;
}

/** getTempFileURL takes at most this many files per call. */
const TEMP_URL_BATCH = 50;
const TEMP_URL_SECONDS = 3600;

export interface CloudbaseFileStorageOptions {
  /** The environment id; inside a CloudBase function, the current one. */
  env?: string;
  secretId?: string;
  secretKey?: string;
  serviceUrl?: string;
}

/** Cloud storage of the current environment; file ids are CloudBase `cloud://…` ids. */
export class CloudbaseFileStorage implements FileStorage {
  private readonly app: SdkStorage;
  constructor(opts: CloudbaseFileStorageOptions = {}) {
    const config: Record<string, unknown> = { env: opts.env ?? SYMBOL_CURRENT_ENV };
    if (opts.secretId && opts.secretKey) Object.assign(config, { secretId: opts.secretId, secretKey: opts.secretKey });
    if (opts.serviceUrl) config.serviceUrl = opts.serviceUrl;
    this.app = init(config) as unknown as SdkStorage;
  }

  async put(key: string, bytes: Uint8Array): Promise<string> {
    const { fileID } = await this.app.uploadFile({ cloudPath: `coupon-desk/${key}`, fileContent: Buffer.from(bytes) });
    return fileID;
  }

  async get(fileId: string): Promise<Uint8Array | null> {
    if (!fileId.startsWith('cloud://')) return null;
    try {
      return (await this.app.downloadFile({ fileID: fileId })).fileContent;
    } catch {
      return null;
    }
  }

  /** A temporary URL (an hour); it is saved under its cloud path's name, so `downloadName` is not used. */
  async url(fileId: string): Promise<string> {
    return (await this.urls([fileId])).get(fileId) ?? '';
  }

  async urls(fileIds: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(fileIds)];
    const out = new Map<string, string>();
    for (let i = 0; i < unique.length; i += TEMP_URL_BATCH) {
      const { fileList } = await this.app.getTempFileURL({ fileList: unique.slice(i, i + TEMP_URL_BATCH).map((fileID) => ({ fileID, maxAge: TEMP_URL_SECONDS })) });
      for (const f of fileList) out.set(f.fileID, f.code === 'SUCCESS' ? f.tempFileURL : '');
    }
    return out;
  }
}
