/**
 * The campaign image slots' checks on the phone: the picker (services/upload's pickImage, whose
 * H5 and weapp failures it turns into CloudErrors) and the sending are the boundary and are
 * replaced; the hook, the shared IMAGE_SPECS and their messages are the real ones.
 */
import { act, render } from '@testing-library/react';
import { CloudError } from '@/services/cloud';
import { pickImage, uploadFile } from '@/services/upload';
import { useCampaignUpload, type CampaignUpload } from '@/hooks/useCampaignUpload';

jest.mock('@/services/upload', () => {
  const actual = jest.requireActual<typeof import('@/services/upload')>('@/services/upload');
  return { ...actual, pickImage: jest.fn(), uploadFile: jest.fn() };
});

const pickMock = pickImage as jest.MockedFunction<typeof pickImage>;
const uploadMock = uploadFile as jest.MockedFunction<typeof uploadFile>;

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
