import { useRef, useState } from 'react';
import type { OutputOf } from '@shared/api';
import type { Coupon } from '@shared/wallet/schema';
import { call, toCloudError, type CloudError } from '@/services/cloud';
import { showError, showToast } from '@/components/feedback';
import { CLAIM_REFUSAL_TITLES, type Refusal } from '@/components/wallet/walletText';
import { newRequestId } from '@/lib/requestId';
import { go, relaunch } from '@/lib/routes';
import { usePageParams } from './usePageParams';
import { useRemote } from './useRemote';
import { useRequireSession } from './useSession';
import { emitWalletChanged } from './useWalletEvents';

export type PublicCampaign = OutputOf<'campaign', 'public'>;

export type ClaimOutcome =
  | { kind: 'claimed'; coupons: Coupon[] }
  | { kind: 'refused'; refusal: Refusal; /** 已领取过: the coupons are in the wallet. */ toWallet: boolean };

const CAMPAIGN_ID = /^[A-Za-z0-9_:.-]{1,64}$/;

export function claimRefusal(err: CloudError): Refusal {
  return { code: err.code, title: CLAIM_REFUSAL_TITLES[err.code] ?? '领取失败', message: err.message };
}

/**
 * The consumer's claim page (W1): the campaign's 入口预览 card from `campaign.public`, and 领取.
 * One requestId per tap sequence: minted on the first tap, kept when the outcome is unknown (a
 * network error), so 重试 returns the first answer instead of claiming twice; dropped once the
 * server has answered either way.
 */
export function useClaim() {
  const params = usePageParams();
  const campaignId = params.campaignId ?? '';
  const validId = CAMPAIGN_ID.test(campaignId);
  const session = useRequireSession();
  const ready = session.state.status === 'ready';
  const card = useRemote(ready && validId ? `campaign:${campaignId}` : null, () => call('campaign', 'public', { campaignId }));

  const requestId = useRef<string>();
  const [claiming, setClaiming] = useState(false);
  const [networkFailed, setNetworkFailed] = useState(false);
  const [outcome, setOutcome] = useState<ClaimOutcome>();

  const campaign = card.data;
  // The card is what the consumer decides on; without it (an older backend, a failed read that is
  // not "not found") a generic card still lets the claim go through: the server is the authority.
  const notFound = !validId || card.error?.code === 'CAMPAIGN.NOT_FOUND';
  const generic = !campaign && !!card.error && !notFound && !card.error.isNetwork;
  const alreadyClaimed = !outcome && !!campaign?.claimed;
  const canClaim = validId && !claiming && !outcome && !alreadyClaimed && (generic || campaign?.status === 'DELIVERING');

  const claim = async () => {
    if (!validId || claiming) return;
    requestId.current ??= newRequestId('claim');
    setClaiming(true);
    try {
      const out = await call('campaign', 'claim', { campaignId, requestId: requestId.current });
      requestId.current = undefined;
      setNetworkFailed(false);
      setOutcome({ kind: 'claimed', coupons: out.coupons });
      showToast('领取成功，已放入卡包', 'success');
      emitWalletChanged();
    } catch (e) {
      const err = toCloudError(e);
      if (err.isNetwork) {
        // Outcome unknown: keep the requestId; 重试 answers with the first result if it went through.
        setNetworkFailed(true);
        showError(err);
      } else if (err.code === 'AUTH.UNAUTHENTICATED') {
        showError(err);
      } else {
        requestId.current = undefined;
        setNetworkFailed(false);
        setOutcome({ kind: 'refused', refusal: claimRefusal(err), toWallet: err.code === 'CAMPAIGN.ALREADY_CLAIMED' });
      }
    } finally {
      setClaiming(false);
    }
  };

  const { state } = session;
  return {
    session,
    card,
    /** The card (or the session it needs) is still on its way. */
    loading: state.status === 'loading' || state.status === 'signedOut' || card.loading,
    /** What stops the page from showing anything: no session, or the card could not be read over the network. */
    loadError: state.status === 'error' ? state.error : generic ? undefined : card.error,
    retry: () => void (state.status === 'error' ? session.reload() : card.reload()),
    campaign,
    notFound,
    generic,
    alreadyClaimed,
    canClaim,
    claiming,
    networkFailed,
    outcome,
    claim: () => void claim(),
    /** After a transient refusal (INTERNAL.CONFLICT, 领取的人有点多): try again with a new request. */
    again: () => setOutcome(undefined),
    toWallet: () => go('walletList'),
    toHome: () => relaunch('home'),
  };
}
