import { Image, Text, View } from '@tarojs/components';
import { Loading } from '@nutui/nutui-react-taro';
import { IMAGE_SPECS, type ImagePurpose } from '@shared/files';
import type { UploadedImage } from '@/hooks/useCampaignForm';
import './campaign.scss';

interface Props {
  purpose: ImagePurpose;
  image: UploadedImage | null;
  busy: boolean;
  onPick: () => void;
  /** A class hook for tests and e2e: `campaign-upload--logo`. */
  name: string;
}

/** An image slot drawn at the spec's shape: tap to choose, the picture once uploaded, the size rule under it. */
export function ImageUpload({ purpose, image, busy, onPick, name }: Props) {
  const spec = IMAGE_SPECS[purpose];
  const wide = spec.width > spec.height;
  return (
    <View className={`campaign-upload campaign-upload--${name} ${wide ? 'campaign-upload--wide' : ''}`}>
      <View className="campaign-upload__box" role="button" aria-label={`上传${spec.label}`} onClick={busy ? undefined : onPick}>
        {image ? <Image className="campaign-upload__img" src={image.url} mode="aspectFit" /> : null}
        {busy ? (
          <View className="campaign-upload__busy"><Loading type="circular" /></View>
        ) : !image ? (
          <View className="campaign-upload__empty">
            <Text className="campaign-upload__plus">+</Text>
            <Text className="campaign-upload__cta">上传{spec.label}</Text>
          </View>
        ) : null}
      </View>
      <View className="campaign-upload__side">
        <Text className="campaign-upload__spec">{spec.width}×{spec.height} 像素</Text>
        <Text className="campaign-upload__spec">jpg / png，≤ 1 MB</Text>
        {image ? (
          <Text className="campaign-upload__again" onClick={busy ? undefined : onPick}>重新上传</Text>
        ) : null}
      </View>
    </View>
  );
}
