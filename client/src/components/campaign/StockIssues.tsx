import { Text, View } from '@tarojs/components';
import type { Issue } from '@shared/result';
import './campaign.scss';

/**
 * Every rule a coupon misses, each with its rule id (R1–R9, P1–P4, F7), the message with the
 * actual figures and the fix hint: never a bare "不可添加".
 */
export function StockIssues({ issues, className }: { issues: readonly Issue[]; className?: string }) {
  if (!issues.length) return null;
  return (
    <View className={`campaign-rules ${className ?? ''}`} aria-live="polite">
      {issues.map((i, k) => (
        <View key={`${i.rule ?? ''}-${k}`} className={`campaign-rules__item campaign-rules__item--${i.level}`}>
          {i.rule ? <Text className="campaign-rules__rule">{i.rule}</Text> : null}
          <View className="campaign-rules__text">
            <Text className="campaign-rules__message">{i.level === 'suggestion' ? `建议：${i.message}` : i.message}</Text>
            {i.hint ? <Text className="campaign-rules__hint">{i.hint}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
