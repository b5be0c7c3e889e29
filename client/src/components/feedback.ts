/**
 * User-facing feedback for failed calls. Every page renders <PageShell>, which mounts the NutUI
 * Toast these helpers address (NutUI scopes toasts by page path, so the visible page shows it).
 */
import Taro from '@tarojs/taro';
import { Toast } from '@nutui/nutui-react-taro';
import { CloudError, toCloudError } from '@/services/cloud';
import { isH5, relaunch } from '@/lib/routes';

export const TOAST_ID = 'page-toast';

export function showToast(content: string, icon?: 'success' | 'fail' | 'warn'): void {
  Toast.show(TOAST_ID, { content, icon: icon ?? null, duration: 2.5 });
}

/**
 * A form refused on submit: bring the first red field into view once it has rendered (it may be
 * on the step just switched to), and say so at the bottom, where the toast covers none of it.
 */
export function showFormErrors(content = '请先修正标红的项'): void {
  setTimeout(() => {
    void Taro.pageScrollTo({ selector: '.form-field--error', offsetTop: -60, duration: 200 }).catch(() => undefined);
  }, 120);
  Toast.show(TOAST_ID, { content, icon: null, duration: 2.5, position: 'bottom' });
}

/**
 * Show a failed call as a Chinese toast. A lost H5 session goes to the login page instead,
 * since nothing on the current page can work without one.
 */
export function showError(e: unknown): CloudError {
  const err = toCloudError(e);
  if (err.code === 'AUTH.UNAUTHENTICATED' && isH5) {
    relaunch('login');
    return err;
  }
  const first = err.issues.find((i) => i.level === 'error');
  showToast(first && err.issues.length === 1 ? first.message : err.message, 'fail');
  return err;
}
