import { useCallback, useEffect, useRef, useState } from 'react';
import { CloudError, toCloudError } from '@/services/cloud';

export interface Remote<T> {
  data: T | undefined;
  loading: boolean;
  error: CloudError | undefined;
  reload: () => Promise<void>;
}

/**
 * Load something from the backend and keep loading / data / error together. `load` runs again
 * whenever `key` changes; `null` as key means "not ready yet" (e.g. no session) and loads nothing.
 * A response that arrives after a newer request started is dropped.
 */
export function useRemote<T>(key: string | null, load: () => Promise<T>): Remote<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<CloudError>();
  const [running, setRunning] = useState(false);
  // The key whose load finished last: a key that changed since counts as loading right away,
  // before the effect starts, so a page never flashes "empty" between render and fetch.
  const [settledKey, setSettledKey] = useState<string | null>(null);
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(async () => {
    if (key === null) return;
    const mine = ++seq.current;
    setRunning(true);
    setError(undefined);
    try {
      const out = await loadRef.current();
      if (mine === seq.current) setData(out);
    } catch (e) {
      if (mine === seq.current) setError(toCloudError(e));
    } finally {
      if (mine === seq.current) {
        setRunning(false);
        setSettledKey(key);
      }
    }
  }, [key]);

  useEffect(() => {
    void run();
  }, [run]);

  const loading = running || (key !== null && settledKey !== key);
  return { data, loading, error, reload: run };
}
