import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { Issue } from '@shared/result';
import { FieldError } from '@/components/FieldError';
import './wallet.scss';

/** A labelled row of the till form with its error right under it. */
export function RedeemField({ name, label, issue, extra, children }: { name: string; label: string; issue: Issue | undefined; extra?: ReactNode; children: ReactNode }) {
  return (
    <View className={`redeem-field redeem-field--${name} ${issue ? 'redeem-field--error' : ''}`}>
      <View className="redeem-field__row">
        <Text className="redeem-field__label">{label}</Text>
        <View className="redeem-field__control">{children}</View>
        {extra ? <View className="redeem-field__extra">{extra}</View> : null}
      </View>
      <FieldError issue={issue} />
    </View>
  );
}
