import { Text, View } from '@tarojs/components';
import './form.scss';

/** Tells the merchant the wizard came back as they left it, with the way to start over. */
export function DraftNote({ shown, onDiscard }: { shown: boolean; onDiscard: () => void }) {
  if (!shown) return null;
  return (
    <View className="draft-note">
      <Text>已恢复上次未完成的草稿</Text>
      <Text className="draft-note__sep">·</Text>
      <Text className="draft-note__clear" onClick={onDiscard}>清空</Text>
    </View>
  );
}
