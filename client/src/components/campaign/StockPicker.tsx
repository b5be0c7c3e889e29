import { Text, View } from '@tarojs/components';
import { Button, Loading } from '@nutui/nutui-react-taro';
import { blocking } from '@shared/result';
import type { CampaignCreateVm } from '@/hooks/useCampaignCreate';
import { StockIssues } from './StockIssues';
import { StockLine } from './StockLine';
import './campaign.scss';

/**
 * The merchant's quota-campaign coupons (`campaign.eligibleStocks`), judged against the campaign
 * as set so far: an eligible one is added with one tap, an ineligible one lists every rule it misses.
 */
export function StockPicker({ vm, onPick }: { vm: CampaignCreateVm; onPick: (stockId: string) => void }) {
  const { eligible } = vm;
  // Eligible ones first; each group keeps the server's order (newest first).
  const rows = [...(eligible.data?.stocks ?? [])].sort((a, b) => Number(b.eligible) - Number(a.eligible));
  const taken = new Set([vm.form.singleStockId, ...vm.form.pack.map((s) => s.stockId)].filter(Boolean));
  if (!eligible.data) {
    return (
      <View className="campaign-picker campaign-picker--loading">
        {eligible.error ? <Text className="campaign-picker__empty">{eligible.error.message}</Text> : <Loading type="circular">加载代金券…</Loading>}
      </View>
    );
  }
  if (!rows.length) {
    return (
      <View className="campaign-picker">
        <Text className="campaign-picker__empty">还没有用途为「配额发券」的代金券。请先创建代金券（用途选择配额发券），激活后再来添加。</Text>
        <Button size="small" fill="outline" type="primary" onClick={vm.openStocks}>去创建代金券</Button>
      </View>
    );
  }
  const okCount = rows.filter((r) => r.eligible).length;
  return (
    <View className="campaign-picker">
      <Text className="campaign-picker__count">共 {rows.length} 张，{okCount} 张符合当前活动</Text>
      {rows.map(({ stock, eligible: ok, issues }) => {
        const inUse = taken.has(stock.stockId);
        return (
          <View key={stock.stockId} className={`campaign-picker__item ${ok ? '' : 'campaign-picker__item--off'}`}>
            <StockLine stock={stock} stockId={stock.stockId} />
            {ok ? (
              <View className="campaign-picker__foot">
                <Text className="campaign-picker__ok">{inUse ? '已添加' : '符合全部规则'}</Text>
                {inUse ? null : (
                  <Button size="small" type="primary" className="campaign-picker__add" onClick={() => onPick(stock.stockId)}>添加</Button>
                )}
              </View>
            ) : (
              <View className="campaign-picker__foot">
                <Text className="campaign-picker__no">不可添加：{blocking(issues).length} 项规则不符合</Text>
              </View>
            )}
            <StockIssues issues={issues} />
          </View>
        );
      })}
    </View>
  );
}
