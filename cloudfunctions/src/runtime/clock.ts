import type { Clock } from './context';

/**
 * The local runtime's clock: real time shifted by an offset that `POST /api/dev/clock` sets, so a
 * demo or a browser test can stand on any day (the 2-days-ahead rule, T+1, push countdowns) while
 * time keeps moving from there.
 */
export class AdjustableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  set(now: Date | null): void {
    this.offsetMs = now ? now.getTime() - Date.now() : 0;
  }

  get overridden(): boolean {
    return this.offsetMs !== 0;
  }
}

/** A clock that stands still until moved: for tests. */
export class FixedClock implements Clock {
  constructor(private at: Date) {}
  now(): Date {
    return new Date(this.at.getTime());
  }
  set(at: Date): void {
    this.at = at;
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}
