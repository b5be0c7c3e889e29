import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { Issue } from '@shared/result';
import { FieldError } from '@/components/FieldError';
import './form.scss';

interface Props {
  /** Draft key, also a class hook for tests: `.form-field--name`. */
  name: string;
  label: ReactNode;
  issue?: Issue | undefined;
  /** Right of the label: a counter such as 8/18. */
  extra?: ReactNode;
  extraOver?: boolean;
  note?: ReactNode;
  children: ReactNode;
}

/** A labelled field with its issue right under it (errors red, suggestions amber). */
export function Field({ name, label, issue, extra, extraOver, note, children }: Props) {
  return (
    <View className={`form-field form-field--${name} ${issue?.level === 'error' ? 'form-field--error' : ''}`}>
      <View className="form-field__head">
        <Text className="form-field__label">{label}</Text>
        {extra !== undefined ? <Text className={`form-field__extra ${extraOver ? 'form-field__extra--over' : ''}`}>{extra}</Text> : null}
      </View>
      {children}
      {note ? <Text className="form-field__note">{note}</Text> : null}
      <FieldError issue={issue} />
    </View>
  );
}

/** A white block with a title. */
export function FormSection({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <View className="form-section">
      {title ? <View className="form-section__title">{title}</View> : null}
      {children}
    </View>
  );
}
