/**
 * Files, in one place: choosing an image or a CSV on the phone, measuring an image before it is
 * sent (the same IMAGE_SPECS the server applies), and `POST /api/upload` (multipart `file` +
 * `purpose`), which answers the envelope with what the server measured from the real content.
 *
 * weapp: files go to CloudBase cloud storage (`Taro.cloud.uploadFile`), then `account.registerFile`
 * reads them back and applies the same checks before any draft may use them.
 */
import Taro from '@tarojs/taro';
import type { FileMeta, UploadPurpose } from '@shared/files';
import { call, CloudError, NETWORK_ERROR } from './cloud';

const isH5 = process.env.TARO_ENV === 'h5';

export const UPLOAD_UNSUPPORTED = 'FILE.UPLOAD_UNSUPPORTED';
const NOT_IMAGE = '请选择 JPG 或 PNG 图片，无法读取这个文件';

export interface PickedFile {
  /** A local path (weapp temp file) or an object URL (H5). */
  path: string;
  size: number;
  name: string;
}

export interface PickedImage extends PickedFile {
  width: number;
  height: number;
  /** `jpg`, `png`, … as far as the phone can tell; the server reads the real content again. */
  format: string;
}

const cancelled = (e: unknown): boolean => {
  const msg = typeof e === 'object' && e !== null && 'errMsg' in e ? String((e as { errMsg: unknown }).errMsg) : '';
  return /cancel|abort/i.test(msg);
};

function formatOf(mimeOrType: string | undefined, name: string): string {
  const t = (mimeOrType ?? '').toLowerCase().replace(/^image\//, '');
  if (t === 'jpeg' || t === 'jpg') return 'jpg';
  if (t) return t;
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return ext === 'jpeg' ? 'jpg' : ext;
}

/** One image from the album or camera, measured; null when the merchant cancelled. */
export async function pickImage(): Promise<PickedImage | null> {
  let chosen: Taro.chooseImage.SuccessCallbackResult;
  try {
    chosen = await Taro.chooseImage({ count: 1, sizeType: ['original'], sourceType: ['album', 'camera'] });
  } catch (e) {
    if (cancelled(e)) return null;
    throw new CloudError('FILE.PICK_FAILED', '无法读取图片，请重试');
  }
  const file = chosen.tempFiles[0];
  // H5's chooseImage swallows a file it cannot decode (logs it, answers no files); a cancel rejects
  // instead, so no file here means the chosen one is not an image.
  if (!file) throw new CloudError('FILE.NOT_IMAGE', NOT_IMAGE);
  // H5 hands over the File itself (its MIME type and name); weapp only a temp path.
  const original = (file as { originalFileObj?: { name?: string; type?: string } }).originalFileObj;
  const name = original?.name ?? file.path.split('/').pop() ?? 'image';
  let info: Taro.getImageInfo.SuccessCallbackResult;
  try {
    info = await Taro.getImageInfo({ src: file.path });
  } catch {
    throw new CloudError('FILE.NOT_IMAGE', NOT_IMAGE);
  }
  const type = original?.type ?? (info as { type?: string }).type;
  return { path: file.path, size: file.size, name, width: info.width, height: info.height, format: formatOf(type, name) };
}

/** H5 has no chooseMessageFile: a hidden file input, as Taro's own chooseImage does. */
function pickFileH5(accept: string): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.className = 'campaign-file-input';
    input.setAttribute('style', 'position: fixed; top: -4000px; left: -3000px;');
    document.body.appendChild(input);
    const done = (v: PickedFile | null) => {
      input.remove();
      resolve(v);
    };
    input.onchange = () => {
      const f = input.files?.[0];
      done(f ? { path: URL.createObjectURL(f), size: f.size, name: f.name } : null);
    };
    input.addEventListener('cancel', () => done(null));
    input.click();
  });
}

/** One CSV file (a seed package of user ids); null when cancelled. */
export async function pickCsv(): Promise<PickedFile | null> {
  if (isH5) return pickFileH5('.csv,text/csv');
  try {
    const r = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv'] });
    const f = r.tempFiles[0];
    return f ? { path: f.path, size: f.size, name: f.name } : null;
  } catch (e) {
    if (cancelled(e)) return null;
    throw new CloudError('FILE.PICK_FAILED', '无法读取文件，请重试');
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseAnswer(raw: unknown, status: number): FileMeta {
  let body: unknown = raw;
  if (typeof raw === 'string') {
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
  }
  if (isRecord(body) && body.ok === true && isRecord(body.data) && typeof body.data.fileId === 'string') {
    // The gateway parsed its answer with the shared FileMeta shape; the check above is the guard.
    return body.data as unknown as FileMeta;
  }
  if (isRecord(body) && body.ok === false && isRecord(body.error) && typeof body.error.code === 'string') {
    const issues = Array.isArray(body.error.issues) ? (body.error.issues as CloudError['issues']) : [];
    throw new CloudError(body.error.code, String(body.error.message ?? '上传失败'), issues);
  }
  throw new CloudError(NETWORK_ERROR, `上传失败（HTTP ${status}），请稍后重试`);
}

/** Sends a picked file; resolves with what the server measured, or throws a CloudError. */
export async function uploadFile(file: PickedFile, purpose: UploadPurpose, merchantId?: string): Promise<FileMeta> {
  if (!isH5) {
    // The mini-program puts the file in cloud storage itself, then asks the server to inspect it.
    if (!merchantId) throw new CloudError(UPLOAD_UNSUPPORTED, '请先选择商户再上传');
    const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? (purpose === 'seedPackage' ? 'csv' : 'png');
    let fileID: string;
    try {
      ({ fileID } = await Taro.cloud.uploadFile({ cloudPath: `uploads/${purpose}/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${ext}`, filePath: file.path }));
    } catch {
      throw new CloudError(NETWORK_ERROR, '网络异常，上传未完成，请重试');
    }
    return call('account', 'registerFile', { merchantId, fileId: fileID, purpose });
  }
  let res: Taro.uploadFile.SuccessCallbackResult;
  try {
    res = await Taro.uploadFile({ url: '/api/upload', filePath: file.path, name: 'file', fileName: file.name, formData: { purpose } });
  } catch {
    throw new CloudError(NETWORK_ERROR, '网络异常，上传未完成，请重试');
  }
  return parseAnswer(res.data, res.statusCode);
}

/** Where an uploaded file can be shown: the gateway's file route locally, a cloud:// id as is in weapp. */
export function fileUrl(fileId: string): string {
  if (fileId.startsWith('local:')) return `/api/files/${encodeURIComponent(fileId.slice('local:'.length))}`;
  if (fileId.startsWith('cloud://') || /^https?:\/\//.test(fileId)) return fileId;
  return '';
}
