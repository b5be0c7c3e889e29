import { useRef, useState } from 'react';
import { toCloudError, type CloudError } from '@/services/cloud';
import { newRequestId } from '@/lib/requestId';

export type CreateOutcome<T> = { ok: true; value: T } | { ok: false; error: CloudError };

/**
 * A create-type call a phone may have to retry: one requestId per payload until the server answers.
 * After a network failure the outcome is unknown, so the requestId is kept and `networkFailed` set:
 * the retry (重试) replays the first result instead of creating twice. A changed payload is a new
 * request.
 */
export function useRetriableCreate(prefix: string) {
  const pending = useRef<{ key: string; requestId: string }>();
  const [networkFailed, setNetworkFailed] = useState(false);

  const send = async <T>(payload: object, create: (requestId: string) => Promise<T>): Promise<CreateOutcome<T>> => {
    const key = JSON.stringify(payload);
    if (pending.current?.key !== key) pending.current = { key, requestId: newRequestId(prefix) };
    try {
      const value = await create(pending.current.requestId);
      pending.current = undefined;
      setNetworkFailed(false);
      return { ok: true, value };
    } catch (e) {
      const error = toCloudError(e);
      if (!error.isNetwork) pending.current = undefined;
      setNetworkFailed(error.isNetwork);
      return { ok: false, error };
    }
  };

  return { send, networkFailed, clearNetworkFailed: () => setNetworkFailed(false) };
}
