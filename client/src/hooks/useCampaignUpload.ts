import { useCallback, useState } from 'react';
import { IMAGE_SPECS, imageProblems, type ImagePurpose } from '@shared/files';
import type { Issue } from '@shared/result';
import { toCloudError } from '@/services/cloud';
import { pickCsv, pickImage, uploadFile } from '@/services/upload';
import { cropHint } from '@/components/campaign/campaignText';
import type { UploadedImage, UploadedSeed } from './useCampaignForm';

/**
 * Uploads for the campaign forms, keyed by the draft path they fill (`delivery.logo`,
 * `content.items.1.largeImage`, `targeting.audience.seedPackageId`). An image is measured on the
 * phone first, against the same IMAGE_SPECS the server applies, so a wrong size is refused with a
 * crop hint before anything is sent; the server then checks the real content again.
 */
export function useCampaignUpload(merchantId?: string | null) {
  const [busy, setBusy] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, Issue[]>>({});

  const report = useCallback((path: string, issues: Issue[]) => {
    setProblems((p) => ({ ...p, [path]: issues }));
  }, []);

  const image = useCallback(async (path: string, purpose: ImagePurpose): Promise<UploadedImage | null> => {
    const spec = IMAGE_SPECS[purpose];
    const fail = (message: string, hint?: string): null => {
      report(path, [{ rule: spec.rule, path, level: 'error', message, ...(hint ? { hint } : {}) }]);
      return null;
    };
    try {
      const picked = await pickImage();
      if (!picked) return null;
      // One error per field: the first problem is the most specific (a wrong format makes the size moot;
      // cropping to the size usually fixes the bytes too).
      const [first] = imageProblems({ format: picked.format, width: picked.width, height: picked.height, bytes: picked.size }, purpose);
      if (first) return fail(first, cropHint(purpose));
      setBusy(path);
      const meta = await uploadFile(picked, purpose, merchantId ?? undefined);
      report(path, []);
      return { fileId: meta.fileId, url: picked.path, width: meta.width, height: meta.height, bytes: meta.bytes };
    } catch (e) {
      const err = toCloudError(e);
      const first = err.issues[0];
      return fail(first?.message ?? err.message, first?.hint ?? (err.code === 'FILE.INVALID' ? cropHint(purpose) : undefined));
    } finally {
      setBusy((b) => (b === path ? null : b));
    }
  }, [report, merchantId]);

  const seed = useCallback(async (path: string, rule: string): Promise<UploadedSeed | null> => {
    try {
      const picked = await pickCsv();
      if (!picked) return null;
      if (!/\.csv$/i.test(picked.name)) {
        report(path, [{ rule, path, level: 'error', message: `「${picked.name}」不是 CSV 文件`, hint: '种子包为 CSV 文件，每行一个用户 ID' }]);
        return null;
      }
      setBusy(path);
      const meta = await uploadFile(picked, 'seedPackage', merchantId ?? undefined);
      report(path, []);
      return { fileId: meta.fileId, name: picked.name, rows: meta.rows ?? 0, bytes: meta.bytes };
    } catch (e) {
      const err = toCloudError(e);
      const first = err.issues[0];
      report(path, [{ rule, path, level: 'error', message: first?.message ?? err.message, hint: first?.hint ?? '种子包为 CSV 文件，每行一个用户 ID' }]);
      return null;
    } finally {
      setBusy((b) => (b === path ? null : b));
    }
  }, [report, merchantId]);

  /** Every upload problem, as issues to show beside the fields. */
  const issues = Object.values(problems).flat();

  /**
   * Other checks' issues without those on a field an upload problem is about: the upload's is the
   * more specific (a refused logo, not also 请上传商户 logo).
   */
  const besides = (others: readonly Issue[]): Issue[] => others.filter((i) => !problems[i.path]?.length);

  return { busy, issues, besides, image, seed, clear: (path: string) => report(path, []) };
}

export type CampaignUpload = ReturnType<typeof useCampaignUpload>;
