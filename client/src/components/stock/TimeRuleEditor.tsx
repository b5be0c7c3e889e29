import { Text, View } from '@tarojs/components';
import { Del } from '@nutui/icons-react-taro';
import type { StockCreateVm } from '@/hooks/useStockCreate';
import { RANGES_MAX, SLOTS_MAX } from '@/hooks/useStockCreate';
import type { TimeRuleKind } from '@/hooks/useStockForm';
import { issueAt } from '@/lib/issues';
import { FieldError } from '@/components/FieldError';
import { Chip } from '@/components/form/Chip';
import { Choice } from '@/components/form/Choice';
import { DateTimeField, TimeField } from '@/components/form/DateTimeField';
import { TextInput } from '@/components/form/TextInput';
import { TIME_RULE_LABELS, WEEKDAYS } from './stockText';
import './stock.scss';

const KINDS: readonly TimeRuleKind[] = ['ANYTIME', 'DAYS_AFTER_CLAIM', 'WEEKLY', 'IRREGULAR'];

/** S6 可用规则: the four choices, each with its own small form. */
export function TimeRuleEditor({ vm }: { vm: StockCreateVm }) {
  const { form, visible } = vm;
  const body = (kind: TimeRuleKind) => {
    switch (kind) {
      case 'ANYTIME':
        return null;
      case 'DAYS_AFTER_CLAIM':
        return (
          <View>
            <TextInput value={form.daysText} type="number" before="领券后" after="天内可用" placeholder="1–365" onChange={(t) => vm.set('daysText', t)} />
            <FieldError issue={issueAt(visible, 'timeRule.days')} />
          </View>
        );
      case 'WEEKLY':
        return (
          <View className="stock-weekly">
            <View className="form-chips">
              {WEEKDAYS.map((w) => (
                <Chip key={w.value} className="stock-weekday" active={form.weekdays.includes(w.value)} role="checkbox" onClick={() => vm.toggleWeekday(w.value)}>
                  周{w.label}
                </Chip>
              ))}
            </View>
            <FieldError issue={issueAt(visible, 'timeRule.weekdays')} />
            {form.slots.map((s, i) => (
              <View key={i} className="stock-slot-wrap">
                <View className="stock-slot">
                  <View className="stock-slot__pick">
                    <TimeField className="stock-slot__begin" value={s.begin} onChange={(t) => vm.setSlot(i, 'begin', t)} />
                  </View>
                  <Text className="stock-slot__to">至</Text>
                  <View className="stock-slot__pick">
                    <TimeField className="stock-slot__end" value={s.end} onChange={(t) => vm.setSlot(i, 'end', t)} />
                  </View>
                  {form.slots.length > 1 ? (
                    <View className="stock-slot__del" aria-label={`删除时段 ${i + 1}`} onClick={() => vm.removeSlot(i)}>
                      <Del size={18} color="#8c8c8c" />
                    </View>
                  ) : null}
                </View>
                <FieldError issue={issueAt(visible, `timeRule.slots.${i}`)} />
              </View>
            ))}
            <FieldError issue={issueAt(visible, 'timeRule.slots', true)} />
            {form.slots.length < SLOTS_MAX ? (
              <View className="stock-add" onClick={vm.addSlot}>+ 添加时段</View>
            ) : null}
          </View>
        );
      case 'IRREGULAR':
        return (
          <View className="stock-irregular">
            {form.ranges.map((r, i) => (
              <View key={i} className="stock-range">
                <View className="stock-range__head">
                  <Text>日期段 {i + 1}</Text>
                  {form.ranges.length > 1 ? (
                    <View className="stock-slot__del" aria-label={`删除日期段 ${i + 1}`} onClick={() => vm.removeRange(i)}>
                      <Del size={18} color="#8c8c8c" />
                    </View>
                  ) : null}
                </View>
                <DateTimeField className="stock-range__begin" value={r.begin} onChange={(v) => vm.setRange(i, 'begin', v)} />
                <Text className="stock-slot__to">至</Text>
                <DateTimeField className="stock-range__end" value={r.end} onChange={(v) => vm.setRange(i, 'end', v)} />
                <FieldError issue={issueAt(visible, `timeRule.ranges.${i}`)} />
              </View>
            ))}
            <FieldError issue={issueAt(visible, 'timeRule.ranges', true)} />
            {form.ranges.length < RANGES_MAX ? (
              <View className="stock-add" onClick={vm.addRange}>+ 添加日期段</View>
            ) : null}
          </View>
        );
    }
  };
  return (
    <View className="form-choices" role="radiogroup">
      {KINDS.map((k) => (
        <Choice key={k} className={`stock-rule stock-rule--${k.toLowerCase()}`} active={form.ruleKind === k} title={TIME_RULE_LABELS[k]} onSelect={() => vm.chooseRule(k)}>
          {body(k)}
        </Choice>
      ))}
    </View>
  );
}
