import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Close } from '@nutui/icons-react-taro';
import type { Issue } from '@shared/result';
import { FieldError } from '@/components/FieldError';
import { TextInput } from '@/components/form/TextInput';
import './stock.scss';

interface Props {
  codes: readonly string[];
  /** Adds what was typed; a Chinese reason when it cannot. */
  onAdd: (text: string) => string | undefined;
  onRemove: (code: string) => void;
  addLabel: string;
  placeholder: string;
  /** Issues of the list and of its items (`excludedGoodsCodes`, `excludedGoodsCodes.3`). */
  issueOf: (path: string) => Issue | undefined;
  path: string;
  className?: string;
  /** Items that stay (the creator among 可用商户): no remove button. */
  fixed?: (code: string) => boolean;
  /** How an item reads (a merchant id with its name). */
  labelOf?: (code: string) => string;
}

/** A list of codes (商品编码, 商户号) shown as removable chips, with an entry to add more. */
export function CodeList({ codes, onAdd, onRemove, addLabel, placeholder, issueOf, path, className, fixed, labelOf }: Props) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const add = () => {
    const reason = onAdd(text);
    setError(reason);
    if (!reason) setText('');
  };
  return (
    <View className={`stock-codes ${className ?? ''}`}>
      {codes.length ? (
        <View className="stock-codes__list">
          {codes.map((c, i) => (
            <View key={c} className="stock-codes__item">
              <View className={`stock-codes__code ${fixed?.(c) ? 'stock-codes__code--fixed' : ''}`}>
                <Text>{labelOf ? labelOf(c) : c}</Text>
                {fixed?.(c) ? null : (
                  <View className="stock-codes__remove" aria-label={`删除 ${c}`} onClick={() => onRemove(c)}>
                    <Close size={12} color="#8c8c8c" />
                  </View>
                )}
              </View>
              <FieldError issue={issueOf(`${path}.${i}`)} />
            </View>
          ))}
        </View>
      ) : null}
      {open ? (
        <View className="stock-codes__entry">
          <View className="stock-codes__input">
            <TextInput value={text} placeholder={placeholder} onChange={(t) => { setText(t); setError(undefined); }} />
          </View>
          <Button className="stock-codes__btn" type="primary" onClick={add}>添加</Button>
        </View>
      ) : (
        <View className="stock-add" onClick={() => setOpen(true)}>+ {addLabel}</View>
      )}
      {error ? <FieldError issue={{ path, level: 'error', message: error }} /> : null}
      <FieldError issue={issueOf(path)} />
    </View>
  );
}
