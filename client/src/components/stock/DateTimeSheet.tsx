import { DatePicker } from '@nutui/nutui-react-taro';
import type { PickerState, PickerValue } from '@/hooks/useStockCreate';

const YEAR_MS = 400 * 86_400_000;

/** The one date/time picker of the form: opened for whichever field asked, closed on confirm or cancel. */
export function DateTimeSheet({ picker, onConfirm, onClose }: { picker: PickerState | null; onConfirm: (values: PickerValue[]) => void; onClose: () => void }) {
  const now = new Date();
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return (
    <DatePicker
      // A new key per opening: the picker starts from the field's value, not from the last one picked.
      key={picker ? `${picker.title}-${picker.value.getTime()}` : 'closed'}
      visible={!!picker}
      title={picker?.title ?? ''}
      type={picker?.type ?? 'datetime'}
      defaultValue={picker?.value ?? now}
      startDate={start}
      endDate={new Date(start.getTime() + YEAR_MS)}
      showChinese
      onConfirm={(_options, values) => onConfirm(values)}
      onClose={onClose}
    />
  );
}
