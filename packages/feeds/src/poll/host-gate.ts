import type { Feed } from '@newsloom/core';
import { hostOf } from './schedule';

/**
 * The politeness limits shared by {@link createPoller} and {@link fetchFeeds}: one policy, one
 * owner. Local `file:` feeds have no host to be polite to: only the global limit applies to them.
 */
export interface HostLimits {
  /** Fetches running at once (default 4). */
  concurrency?: number;
  /** Fetches running at once against one host (default 1). */
  perHostConcurrency?: number;
  /** Least time between two requests to one host (default 1 s). */
  minHostIntervalMs?: number;
}

/** Tracks running fetches per host and when each host may be asked again. */
export interface HostGate {
  /** True when the global limit is reached. */
  full(): boolean;
  /** Earliest time a request to the feed's host may start; +Infinity while the host is busy. */
  readyAt(feed: Pick<Feed, 'url'>): number;
  /** Records a request starting at `now`; call the returned function when it ends. */
  start(feed: Pick<Feed, 'url'>, now: number): () => void;
}

/**
 * Creates the gate that enforces {@link HostLimits}.
 * @example
 * const gate = createHostGate({ perHostConcurrency: 1 })
 * if (!gate.full() && gate.readyAt(feed) <= now) { const done = gate.start(feed, now); … done() }
 */
export function createHostGate(limits: HostLimits = {}): HostGate {
  const limit = Math.max(1, limits.concurrency ?? 4);
  const perHost = Math.max(1, limits.perHostConcurrency ?? 1);
  const gap = limits.minHostIntervalMs ?? 1000;
  const active = new Map<string, number>();
  const lastRequest = new Map<string, number>();
  let running = 0;
  // `undefined` for local files: they are limited by the global count only.
  const keyOf = (feed: Pick<Feed, 'url'>) => (/^file:/i.test(feed.url) ? undefined : hostOf(feed));
  return {
    full: () => running >= limit,
    readyAt(feed) {
      const host = keyOf(feed);
      if (host === undefined) return Number.NEGATIVE_INFINITY;
      if ((active.get(host) ?? 0) >= perHost) return Number.POSITIVE_INFINITY;
      return (lastRequest.get(host) ?? Number.NEGATIVE_INFINITY) + gap;
    },
    start(feed, now) {
      const host = keyOf(feed);
      running += 1;
      if (host !== undefined) {
        active.set(host, (active.get(host) ?? 0) + 1);
        lastRequest.set(host, now);
      }
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        running -= 1;
        if (host !== undefined) active.set(host, (active.get(host) ?? 1) - 1);
      };
    },
  };
}
