import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Issue } from '@shared/result';
import type { CampaignCreateVm, Slot } from '@/hooks/useCampaignCreate';
import { TextInput } from '@/components/form/TextInput';
import { StockIssues } from './StockIssues';
import { StockPicker } from './StockPicker';
import { StockLine } from './StockLine';
import './campaign.scss';

interface Props {
  vm: CampaignCreateVm;
  slot: Slot;
  /** The issues of this coupon (its path), every rule it misses. */
  issues: readonly Issue[];
}

/** One coupon of the campaign: type a 批次号 or pick from the list; once added, every rule it misses. */
export function StockSlot({ vm, slot, issues }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const stockId = vm.stockOf(slot);
  const name = slot === 'single' ? 'single' : `pack-${slot}`;

  if (stockId) {
    return (
      <View className={`campaign-slot campaign-slot--${name} campaign-slot--filled`}>
        <StockLine stock={vm.summaries.get(stockId)} stockId={stockId} />
        <StockIssues issues={issues} />
        <View className="campaign-slot__actions">
          <Button size="small" fill="outline" className="campaign-slot__remove" onClick={() => vm.removeStock(slot)}>
            移除
          </Button>
        </View>
      </View>
    );
  }

  const add = (id: string) => {
    const why = vm.addStock(slot, id);
    setError(why);
    if (!why) setText('');
  };
  return (
    <View className={`campaign-slot campaign-slot--${name}`}>
      <View className="campaign-slot__entry">
        <View className="campaign-slot__input">
          <TextInput value={text} type="number" placeholder="输入批次号" onChange={(t) => { setText(t); setError(undefined); }} />
        </View>
        <Button className="campaign-slot__add" type="primary" onClick={() => add(text)}>添加</Button>
      </View>
      {error ? <Text className="campaign-slot__error">{error}</Text> : null}
      <View className={`campaign-slot__pick ${vm.picker === slot ? 'campaign-slot__pick--open' : ''}`} onClick={() => vm.openPicker(slot)}>
        {vm.picker === slot ? '收起列表' : '从已配置的代金券中选择 ›'}
      </View>
      {vm.picker === slot ? <StockPicker vm={vm} onPick={add} /> : null}
      <StockIssues issues={issues} />
    </View>
  );
}
