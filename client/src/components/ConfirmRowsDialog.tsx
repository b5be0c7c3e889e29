import { Text, View } from '@tarojs/components';
import { Button, Dialog } from '@nutui/nutui-react-taro';

/** A label, its value, and whether that value is the one to check (shown strong). */
export type ConfirmRow = readonly [label: string, value: string, strong?: boolean];

interface Props {
  visible: boolean;
  title: string;
  rows: readonly ConfirmRow[];
  confirmText: string;
  /** Shown after a network failure: the outcome is unknown, and 重试 repeats the same request. */
  warning: string;
  submitting: boolean;
  networkFailed: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /**
   * Each caller's own stylesheet: `rows` is the block of the rows (`__row`, `__key`, `__value`,
   * `__value--strong`, `__warn`); the others are the footer and its two buttons.
   */
  classes: { rows: string; footer: string; cancel: string; confirm: string };
}

/** Everything once more before a write that cannot be taken back; after a network failure, 重试. */
export function ConfirmRowsDialog({ visible, title, rows, confirmText, warning, submitting, networkFailed, onConfirm, onCancel, classes }: Props) {
  const c = classes.rows;
  return (
    <Dialog
      visible={visible}
      title={title}
      closeOnOverlayClick={false}
      onCancel={onCancel}
      onClose={onCancel}
      footer={
        <View className={classes.footer}>
          <Button className={classes.cancel} fill="outline" disabled={submitting} onClick={onCancel}>
            取消
          </Button>
          <Button className={classes.confirm} type="primary" loading={submitting} onClick={onConfirm}>
            {networkFailed ? '重试' : confirmText}
          </Button>
        </View>
      }
    >
      <View className={c}>
        {rows.map(([k, v, strong]) => (
          <View key={k} className={`${c}__row`}>
            <Text className={`${c}__key`}>{k}</Text>
            <Text className={strong ? `${c}__value ${c}__value--strong` : `${c}__value`}>{v}</Text>
          </View>
        ))}
        {networkFailed ? <Text className={`${c}__warn`}>{warning}</Text> : null}
      </View>
    </Dialog>
  );
}
