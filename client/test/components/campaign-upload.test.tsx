/**
 * The campaign image slots' checks on the phone: the picker (services/upload's pickImage, whose
 * H5 and weapp failures it turns into CloudErrors) and the sending are the boundary and are
 * replaced; the hook, the shared IMAGE_SPECS and their messages are the real ones.
 */
import { act, render } from '@testing-library/react';
import type { Issue } from '@shared/result';
import { CloudError } from '@/services/cloud';
import { pickImage, uploadFile } from '@/services/upload';
import { useCampaignUpload, type CampaignUpload } from '@/hooks/useCampaignUpload';

jest.mock('@/services/upload', () => {
  const actual = jest.requireActual<typeof import('@/services/upload')>('@/services/upload');
  return { ...actual, pickImage: jest.fn(), uploadFile: jest.fn() };
});

const pickMock = pickImage as jest.MockedFunction<typeof pickImage>;
const uploadMock = uploadFile as jest.MockedFunction<typeof uploadFile>;

/** The phone hands over `name` of `size` bytes, measured as `width`×`height`. */
const picked = (name: string, format: string, size: number, width: number, height: number) =>
  pickMock.mockResolvedValue({ path: 'blob:x', name, format, size, width, height });

/** The hook inside a bare component (the latest render's value in `vm.current`). */
async function pickLogo() {
  const vm: { current: CampaignUpload | null } = { current: null };
  function Probe() {
    vm.current = useCampaignUpload('1900000101');
    return null;
  }
  render(<Probe />);
  await act(async () => {
    await vm.current?.image('delivery.logo', 'logo');
  });
  return vm as { current: CampaignUpload };
}

const messages = (issues: readonly Issue[]) => issues.map((i) => i.message);

beforeEach(() => {
  pickMock.mockReset();
  uploadMock.mockReset();
});

test('a file that is not an image says so on the field', async () => {
  pickMock.mockRejectedValue(new CloudError('FILE.NOT_IMAGE', '请选择 JPG 或 PNG 图片，无法读取这个文件'));
  const result = await pickLogo();
  expect(result.current.issues).toMatchObject([{ path: 'delivery.logo', level: 'error', message: '请选择 JPG 或 PNG 图片，无法读取这个文件' }]);
  expect(uploadMock).not.toHaveBeenCalled();
});

test('a cancelled pick says nothing', async () => {
  pickMock.mockResolvedValue(null);
  const result = await pickLogo();
  expect(result.current.issues).toEqual([]);
});

test('a 200×200 logo: one error, the size, with a space after 「logo」', async () => {
  picked('logo.png', 'png', 20_000, 200, 200);
  const result = await pickLogo();
  expect(messages(result.current.issues)).toEqual(['商户 logo 尺寸为 200×200，需为 120×120']);
});

test('a 700×700 file of 1.4 MB: still one error, the most specific (the size)', async () => {
  picked('big.jpg', 'jpg', 1_468_006, 700, 700);
  const result = await pickLogo();
  expect(messages(result.current.issues)).toEqual(['商户 logo 尺寸为 700×700，需为 120×120']);
  expect(uploadMock).not.toHaveBeenCalled();
});

test('a GIF: the format is the one error', async () => {
  picked('logo.gif', 'gif', 20_000, 120, 120);
  const result = await pickLogo();
  expect(messages(result.current.issues)).toEqual(['商户 logo 格式为 gif，仅支持 jpg、png']);
});

test('besides() drops the other checks\' issues on a field the upload has refused', async () => {
  picked('logo.png', 'png', 20_000, 200, 200);
  const result = await pickLogo();
  const required: Issue = { rule: 'F1', path: 'delivery.logo', level: 'error', message: '请上传商户 logo' };
  const other: Issue = { rule: 'F2', path: 'delivery.name', level: 'error', message: '请输入活动名称' };
  expect(result.current.besides([required, other])).toEqual([other]);
});
