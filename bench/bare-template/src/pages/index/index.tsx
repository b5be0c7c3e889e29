import { Text, View } from '@tarojs/components';

// scripts/bench.mjs's H5 first-screen measurement waits for this text.
export default function Index() {
  return (
    <View className="index">
      <Text>Hello, bare template</Text>
    </View>
  );
}
