import { Picker, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { EXPORT_MAX_DAYS, type CampaignDetailVm } from '@/hooks/useCampaignDetail';
import { formatCount } from '@/lib/format';
import './campaign.scss';

/** 导出核销明细 (M2): a date range, then the CSV opens (H5) or its link is copied (mini-program). */
export function ExportPanel({ vm }: { vm: CampaignDetailVm }) {
  return (
    <View className="campaign-export">
      <View className="campaign-export__range">
        <Picker mode="date" value={vm.exportFrom} onChange={(e) => vm.setExportFrom(e.detail.value)}>
          <View className="form-pick campaign-export__from"><Text>{vm.exportFrom}</Text><Text className="form-pick__hint">›</Text></View>
        </Picker>
        <Text className="campaign-export__to">至</Text>
        <Picker mode="date" value={vm.exportTo} onChange={(e) => vm.setExportTo(e.detail.value)}>
          <View className="form-pick campaign-export__end"><Text>{vm.exportTo}</Text><Text className="form-pick__hint">›</Text></View>
        </Picker>
      </View>
      <Text className="form-field__note">按核销时间导出 CSV（可用 Excel 打开），一次最多 {EXPORT_MAX_DAYS} 天；对账请以核销明细为准。</Text>
      <Button className="campaign-export__btn" block type="primary" fill="outline" loading={vm.exporting} onClick={vm.exportCsv}>导出核销明细</Button>
      {vm.exported ? (
        <View className="campaign-export__done">
          <Text className="campaign-export__rows">已导出 {formatCount(vm.exported.rows)} 条核销记录</Text>
          <Text className="campaign-export__again" onClick={vm.openExported}>重新下载</Text>
        </View>
      ) : null}
    </View>
  );
}
