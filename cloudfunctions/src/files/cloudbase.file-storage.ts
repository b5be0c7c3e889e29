import { init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk';
import type { FileStorage } from './file.storage';

/** The few SDK calls used, typed narrowly (the SDK's own typings are loose). */
interface SdkStorage {
  uploadFile(opts: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  downloadFile(opts: { fileID: string }): Promise<{ fileContent: Buffer }>;
  getTempFileURL(opts: { fileList: Array<{ fileID: string; maxAge: number }> }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string; code: string }> }>;
}

/** Cloud storage of the current environment; file ids are CloudBase `cloud://…` ids. */
export class CloudbaseFileStorage implements FileStorage {
  private readonly app: SdkStorage;
  constructor(env?: string) {
    this.app = init({ env: env ?? SYMBOL_CURRENT_ENV }) as unknown as SdkStorage;
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

  async url(fileId: string): Promise<string> {
    const { fileList } = await this.app.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: 3600 }] });
    return fileList[0]?.tempFileURL ?? '';
  }
}
