import { useEffect, useRef, useState } from 'react';
import { serverOffsetMs } from '@/services/realtime';

/**
 * The server's clock, ticking on this device once a second: the offset comes from each state's
 * `now` (whole seconds, so each reading is up to 1 s early — the largest recent reading is the best
 * one), and jumps of more than 2 s are taken as they come (the server clock was moved).
 */
export function useServerClock(serverNow: string | undefined, tickMs = 1000): number {
  const offset = useRef<number | undefined>(undefined);
  const [, setTick] = useState(0);

  if (serverNow) {
    const next = serverOffsetMs(serverNow);
    const prev = offset.current;
    offset.current = prev === undefined || Math.abs(next - prev) > 2000 ? next : Math.max(prev, next);
  }

  useEffect(() => {
    const id = setInterval(() => setTick((t) => t + 1), tickMs);
    return () => clearInterval(id);
  }, [tickMs]);

  return Date.now() + (offset.current ?? 0);
}
