/** Uploaded files (POST /api/upload): what the server measured from the real content. */
export const UPLOAD_PURPOSES = ['logo', 'smallImage', 'largeImage', 'seedPackage'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

export const MAX_IMAGE_BYTES = 1_048_576;
export const MAX_SEED_PACKAGE_BYTES = 10 * 1_048_576;

/** F1, P3, P4: exact pixel sizes, jpg or png, at most 1 MB. */
export const IMAGE_SPECS = {
  logo: { rule: 'F1', label: '商户 logo', width: 120, height: 120 },
  smallImage: { rule: 'P3', label: '商品小图', width: 100, height: 100 },
  largeImage: { rule: 'P4', label: '商品大图', width: 750, height: 520 },
} as const;
export type ImagePurpose = keyof typeof IMAGE_SPECS;

export interface FileMeta {
  fileId: string;
  purpose: UploadPurpose;
  /** `jpg`, `png`, … as read from the content; `csv` for seed packages. */
  format: string;
  width: number;
  height: number;
  bytes: number;
  /** Seed packages: the number of user ids. */
  rows?: number;
}

export const formatBytes = (n: number): string => (n >= 1_048_576 ? `${(n / 1_048_576).toFixed(2)} MB` : `${Math.ceil(n / 1024)} KB`);

/** An image's name at the head of a message: 「商户 logo 尺寸」 takes a space after a Latin word. */
export function imageLabel(purpose: ImagePurpose): string {
  const { label } = IMAGE_SPECS[purpose];
  return /[A-Za-z0-9]$/.test(label) ? `${label} ` : label;
}

/** Every way an image misses its spec, in Chinese with the figures. */
export function imageProblems(meta: Pick<FileMeta, 'format' | 'width' | 'height' | 'bytes'>, purpose: ImagePurpose): string[] {
  const spec = IMAGE_SPECS[purpose];
  const label = imageLabel(purpose);
  const problems: string[] = [];
  if (meta.format !== 'jpg' && meta.format !== 'png') problems.push(`${label}格式为 ${meta.format || '未知'}，仅支持 jpg、png`);
  if (meta.width !== spec.width || meta.height !== spec.height) problems.push(`${label}尺寸为 ${meta.width}×${meta.height}，需为 ${spec.width}×${spec.height}`);
  if (meta.bytes > MAX_IMAGE_BYTES) problems.push(`${label}大小为 ${formatBytes(meta.bytes)}，不能超过 1 MB`);
  return problems;
}
