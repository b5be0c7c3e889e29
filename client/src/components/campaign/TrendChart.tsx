import { useMemo } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import Echarts from 'taro-react-echarts';
import type { DailyStats } from '@shared/campaign/schema';
import { fenToYuan } from '@shared/money';
import { formatCount, formatYuan } from '@/lib/format';
import { echarts, type TrendOption } from './chartEngine';
import './campaign.scss';

/** Page padding (12 px) and section padding (14 px) on each side, in px on the phone. */
const SIDE_PX = 52;
const HEIGHT_PX = 220;

const COLORS = { claims: '#07c160', redemptions: '#3370ff', amount: '#f0533d' } as const;

/** The chart's option: 领取 and 核销 as bars (count, left axis), 核销金额 as a line (元, right axis). */
export function trendOption(daily: readonly DailyStats[]): TrendOption {
  return {
    animation: false,
    color: [COLORS.claims, COLORS.redemptions, COLORS.amount],
    legend: { top: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 11, color: '#4d4d4d' } },
    tooltip: { trigger: 'axis', confine: true, textStyle: { fontSize: 12 } },
    grid: { left: 8, right: 8, top: 36, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: daily.map((d) => d.day.slice(5).replace('-', '/')),
      axisTick: { show: false },
      axisLabel: { fontSize: 11, color: '#666666' },
    },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: { fontSize: 11, color: '#666666' }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
      { type: 'value', axisLabel: { fontSize: 11, color: '#666666', formatter: '¥{value}' }, splitLine: { show: false } },
    ],
    series: [
      { name: '领取（张）', type: 'bar', barMaxWidth: 18, data: daily.map((d) => d.claims) },
      { name: '核销（张）', type: 'bar', barMaxWidth: 18, data: daily.map((d) => d.redemptions) },
      { name: '核销金额（元）', type: 'line', yAxisIndex: 1, symbolSize: 6, data: daily.map((d) => Number(fenToYuan(d.redeemedAmount))) },
    ],
  };
}

/**
 * The daily T+1 figures as a chart (ECharts through taro-react-echarts: a canvas in the
 * mini-program, a div in H5), with the sums in words above it for a quick read.
 */
export function TrendChart({ daily }: { daily: readonly DailyStats[] }) {
  // ECharts needs real pixels at init; the container is not laid out yet when it mounts.
  const width = useMemo(() => Math.max(240, Math.floor(Taro.getSystemInfoSync().windowWidth - SIDE_PX)), []);
  if (!daily.length) {
    return <Text className="campaign-chart__empty">还没有统计数据。活动开始后，每天 12:00 更新前一天的领取和核销。</Text>;
  }
  const sum = daily.reduce((t, d) => ({ claims: t.claims + d.claims, redemptions: t.redemptions + d.redemptions, amount: t.amount + d.redeemedAmount }), { claims: 0, redemptions: 0, amount: 0 });
  return (
    <View className="campaign-chart">
      <Text className="campaign-chart__sum">
        近 {daily.length} 天：领取 {formatCount(sum.claims)} 张，核销 {formatCount(sum.redemptions)} 张，核销金额 {formatYuan(sum.amount)} 元
      </Text>
      <View className="campaign-chart__canvas">
        {/* Not the page's first render (the data loads after onReady): init on mount, not on useReady. */}
        <Echarts echarts={echarts} option={trendOption(daily)} isPage={false} opts={{ width, height: HEIGHT_PX }} style={{ width: `${width}px`, height: `${HEIGHT_PX}px` }} />
      </View>
    </View>
  );
}
