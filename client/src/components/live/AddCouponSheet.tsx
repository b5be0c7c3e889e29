import { Text, View } from '@tarojs/components';
import { Button, Input, Popup } from '@nutui/nutui-react-taro';
import { issueAt } from '@/lib/issues';
import { FieldError } from '@/components/FieldError';
import type { LiveConsoleVm } from '@/hooks/useLiveConsole';
import { formatCount } from '@/lib/format';
import './live.scss';

/**
 * 添加优惠券: 批次号 (typed, pasted, or one tap on a running 全场券 authorized for the room's APPID;
 * the others are shown disabled) and the room's quantity. A refusal
 * lists every L2 rule the stock fails, each with its fix, right in the sheet.
 */
export function AddCouponSheet({ vm }: { vm: LiveConsoleVm }) {
  const { add } = vm;
  const other = add.issues.filter((i) => i.path !== 'quantity');
  const quantityIssue = issueAt(add.issues, 'quantity', true);
  // The headline (该券有 3 处不符合直播间要求) when it says more than the lines below it.
  const title = add.failure && (other.length > 1 || (!other.length && !quantityIssue)) ? add.failure : '';
  return (
    <Popup visible={add.open} position="bottom" round closeable title="添加优惠券" onClose={vm.closeAdd} destroyOnClose>
      <View className="live-add">
        <View className="live-add__field live-add__field--stockId">
          <Text className="live-add__label">代金券批次号</Text>
          <View className="live-add__input">
            <Input value={add.stockId} type="number" placeholder="粘贴或输入批次号" clearable onChange={vm.setAddStock} />
          </View>
          {vm.picks.length ? (
            <View className="live-add__picks">
              {vm.picks.map(({ stock: s, authorized }) => (
                <View
                  key={s.stockId}
                  className={`live-add__pick ${authorized ? '' : 'live-add__pick--disabled'} ${add.stockId.trim() === s.stockId ? 'live-add__pick--active' : ''}`}
                  onClick={authorized ? () => vm.pickStock(s) : undefined}
                >
                  <Text className="live-add__pick-name">{s.name}</Text>
                  <Text className="live-add__pick-meta">批次号 {s.stockId} · 剩余 {formatCount(s.remaining)} 张</Text>
                  {authorized ? null : <Text className="live-add__pick-off">未授权给本直播小程序</Text>}
                </View>
              ))}
            </View>
          ) : null}
          {vm.noAuthorizedPick ? (
            <View className="live-add__none">
              <Text className="live-add__none-text">
                暂无已授权给本直播小程序（{vm.appid}）的运行中全场券
                {vm.canAuthorize ? '' : '，请联系商户管理员在「APPID 营销授权」中授权'}
              </Text>
              {vm.canAuthorize ? (
                <Button className="live-add__none-link" size="small" fill="outline" type="primary" onClick={vm.toAuthorizations}>
                  去授权
                </Button>
              ) : null}
            </View>
          ) : null}
          <Text className="live-add__note">需为运行中的全场券（通用券），并已授权给本直播间的小程序 APPID</Text>
        </View>
        <View className="live-add__field live-add__field--quantity">
          <Text className="live-add__label">直播间发放数量</Text>
          <View className="live-add__input">
            <Input value={add.quantityText} type="number" placeholder="不超过批次剩余库存" onChange={vm.setAddQuantity} />
            <Text className="live-add__unit">张</Text>
          </View>
          <FieldError issue={quantityIssue} />
        </View>
        {other.length || title ? (
          <View className="live-add__issues" aria-live="polite">
            {title ? <Text className="live-add__issues-title">{title}</Text> : null}
            {other.map((i, k) => (
              <View key={`${i.path}-${k}`} className="live-add__issue">
                <Text className="live-add__issue-text">{i.message}</Text>
                {i.hint ? <Text className="live-add__issue-hint">{i.hint}</Text> : null}
              </View>
            ))}
          </View>
        ) : null}
        <Button className="live-add__submit" type="primary" size="large" block loading={add.submitting} onClick={vm.submitAdd}>
          添加
        </Button>
      </View>
    </Popup>
  );
}
