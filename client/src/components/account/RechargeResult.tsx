import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Success } from '@nutui/icons-react-taro';
import type { OutputOf } from '@shared/api';
import type { MerchantWithQuota, RechargeQuotaOutput } from '@shared/account/schema';
import type { Remote } from '@/hooks/useRemote';
import { formatCount, formatTime } from '@/lib/format';
import { LoadState } from '@/components/LoadState';
import { LedgerList } from './LedgerList';
import { Section } from './Section';
import './account.scss';

interface Props {
  result: RechargeQuotaOutput;
  merchant: MerchantWithQuota | undefined;
  ledger: Remote<OutputOf<'account', 'quotaLedger'>>;
  onAgain: () => void;
  onBack: () => void;
}

/** After a recharge: the new balance, and the ledger that shows it happened. */
export function RechargeResult({ result, merchant, ledger, onAgain, onBack }: Props) {
  return (
    <>
      <View className="recharge-result">
        <Success size={48} color="#07c160" />
        <Text className="recharge-result__title">充值成功</Text>
        <Text className="recharge-result__merchant">{merchant?.name ?? result.merchantId}</Text>
        <Text className="recharge-result__label">当前配额余额</Text>
        <Text className="recharge-result__balance">{formatCount(result.balance)}</Text>
        <Text className="recharge-result__meta">
          本次 +{formatCount(result.amount)} 张 · {formatTime(result.at)}
        </Text>
        {result.openedAccount ? <Text className="recharge-result__opened">首次充值，已自动开通配额账户</Text> : null}
      </View>
      <Section title="最近流水">
        <LoadState loading={ledger.loading} error={ledger.error} onRetry={() => void ledger.reload()} hasData={!!ledger.data}>
          <LedgerList entries={ledger.data?.entries ?? []} />
        </LoadState>
      </Section>
      <View className="recharge-result__actions">
        <Button block size="large" type="primary" onClick={onAgain}>
          继续充值
        </Button>
        <Button block size="large" fill="outline" onClick={onBack}>
          返回商户列表
        </Button>
      </View>
    </>
  );
}
