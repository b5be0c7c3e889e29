import { Picker, Text, View } from '@tarojs/components';
import { formatShanghai, toMillis } from '@shared/time';
import './form.scss';

const DAY_MS = 86_400_000;

/**
 * A Shanghai date-time as two native pickers, date and time: the platform's own wheels in WeChat
 * (no extra code in the package) and Taro's in H5. `value` and the result are RFC 3339, +08:00.
 */
export function DateTimeField({ value, onChange, className, maxDaysAhead = 400 }: { value: string; onChange: (iso: string) => void; className?: string; maxDaysAhead?: number }) {
  const date = formatShanghai(value, 'YYYY-MM-DD');
  const time = formatShanghai(value, 'HH:mm');
  const today = formatShanghai(Date.now(), 'YYYY-MM-DD');
  const last = formatShanghai(toMillis(Date.now()) + maxDaysAhead * DAY_MS, 'YYYY-MM-DD');
  return (
    <View className={`form-datetime ${className ?? ''}`}>
      <Picker mode="date" value={date} start={today} end={last} onChange={(e) => onChange(`${e.detail.value}T${time}:00+08:00`)}>
        <View className="form-pick form-datetime__date">
          <Text>{date}</Text>
          <Text className="form-pick__hint">›</Text>
        </View>
      </Picker>
      <Picker mode="time" value={time} onChange={(e) => onChange(`${date}T${e.detail.value}:00+08:00`)}>
        <View className="form-pick form-datetime__time">
          <Text>{time}</Text>
          <Text className="form-pick__hint">›</Text>
        </View>
      </Picker>
    </View>
  );
}

/** A time of day (HH:mm) with the native time picker. */
export function TimeField({ value, onChange, className }: { value: string; onChange: (hhmm: string) => void; className?: string }) {
  return (
    <Picker mode="time" value={value} onChange={(e) => onChange(e.detail.value)}>
      <View className={`form-pick ${className ?? ''}`}>
        <Text>{value}</Text>
        <Text className="form-pick__hint">›</Text>
      </View>
    </Picker>
  );
}
