import { Text, View } from '@tarojs/components';
import type { Issue } from '@shared/result';
import './FieldError.scss';

/** The message of a field's issue, right under the field; a fix hint below when the rule has one. */
export function FieldError({ issue }: { issue: Issue | undefined }) {
  if (!issue) return null;
  return (
    <View className={`field-error field-error--${issue.level}`} aria-live="polite">
      <Text className="field-error__message">{issue.message}</Text>
      {issue.hint ? <Text className="field-error__hint">{issue.hint}</Text> : null}
    </View>
  );
}
