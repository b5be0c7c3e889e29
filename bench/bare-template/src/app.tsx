import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';

function App({ children }: PropsWithChildren) {
  useLaunch(() => undefined);
  return children;
}

export default App;
