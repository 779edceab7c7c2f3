import type { Clock } from '@newsloom/core';

/** A {@link Clock} whose time only moves when told to; `sleep` advances it instantly. */
export interface FixedClock extends Clock {
  advance(ms: number): void;
  set(time: number | string): void;
  /** Every sleep requested, in ms. */
  readonly sleeps: number[];
}

/** Creates a fixed clock starting at `start` (default 2024-01-01T00:00:00Z). */
export function createFixedClock(start: number | string = '2024-01-01T00:00:00Z'): FixedClock {
  let now = typeof start === 'string' ? Date.parse(start) : start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
    },
    advance(ms) {
      now += ms;
    },
    set(time) {
      now = typeof time === 'string' ? Date.parse(time) : time;
    },
    sleeps,
  };
}
