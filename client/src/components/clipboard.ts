import Taro from '@tarojs/taro';
import { showToast } from './feedback';

/**
 * Copy `text`, then say so in one toast, ours: the platform's own 内容已复制 is hidden, since
 * `done` says what was copied. `failed` says what to do when the platform refuses.
 */
export async function copyText(text: string, done: string, failed: string): Promise<void> {
  try {
    await Taro.setClipboardData({ data: text });
    Taro.hideToast();
    showToast(done, 'success');
  } catch {
    showToast(failed, 'fail');
  }
}
