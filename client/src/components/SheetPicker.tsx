import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';

interface Props {
  visible: boolean;
  title: string;
  labels: readonly string[];
  onPick: (index: number) => void;
  onClose: () => void;
}

/** The platform's sheet takes at most 6 entries: past that, 5 a page and 更多… for the next. */
const PAGE = 5;

/** Pick one of `labels`: the platform's own action sheet (no NutUI Popup in the main package). */
export function SheetPicker(props: Props) {
  // Shown once per `visible`; each page of entries and each answer uses the latest props (a ref,
  // not deps: a new labels array on every render must not show the sheet again).
  const latest = useRef(props);
  latest.current = props;
  const { visible } = props;
  useEffect(() => {
    if (!visible) return;
    const show = (from: number) => {
      const { title, labels } = latest.current;
      const more = labels.length - from > PAGE + 1;
      const close = () => latest.current.onClose();
      Taro.showActionSheet({
        alertText: title,
        itemList: more ? labels.slice(from, from + PAGE).concat('更多…') : labels.slice(from),
      }).then(({ tapIndex }) => {
        if (more && tapIndex === PAGE) return show(from + PAGE);
        if (from + tapIndex < labels.length) latest.current.onPick(from + tapIndex);
        else close();
      }, close);
    };
    show(0);
  }, [visible]);
  return null;
}
