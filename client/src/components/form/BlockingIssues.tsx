import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Issue } from '@shared/result';
import { FormSection } from './Field';
import './form.scss';

interface Props {
  issues: readonly Issue[];
  /** The step whose form fixes the issue at this path, if any. */
  stepOf: (path: string) => number | undefined;
  fixLabel: (step: number) => string;
  onFix: (step: number) => void;
  className?: string;
  /** Lead each message with its rule id (F1, R7, …). */
  withRule?: boolean;
}

/** A wizard's last step: what still blocks the submit, each with a button back to its step. */
export function BlockingIssues({ issues, stepOf, fixLabel, onFix, className, withRule }: Props) {
  if (!issues.length) return null;
  return (
    <FormSection title={`还有 ${issues.length} 处需要修改`}>
      <View className={`form-issues ${className ?? ''}`}>
        {issues.map((i, k) => {
          const step = stepOf(i.path);
          return (
            <View key={`${i.path}-${k}`} className="form-issues__item">
              <Text className="form-issues__text">{withRule && i.rule ? `${i.rule} ` : ''}{i.message}</Text>
              {step !== undefined ? (
                <Button className="form-issues__fix" size="small" fill="outline" type="primary" onClick={() => onFix(step)}>
                  {fixLabel(step)}
                </Button>
              ) : null}
            </View>
          );
        })}
      </View>
    </FormSection>
  );
}
