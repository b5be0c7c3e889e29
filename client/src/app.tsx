import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { SessionProvider } from '@/hooks/useSession';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // The mini-program reaches the functions through wx.cloud; H5 goes over HTTP instead.
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true });
    }
  });
  // Pages render inside App, so one session serves every page.
  return <SessionProvider>{children}</SessionProvider>;
}

export default App;
