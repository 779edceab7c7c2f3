import type { Feed } from '@newsloom/core';
import type { FetchFeedResult } from '../fetch/fetch-feed';

/** Bounds and defaults of the poll schedule (milliseconds). */
export interface ScheduleOptions {
  /** Interval when the feed says nothing (default 30 min). */
  defaultIntervalMs?: number;
  /** Never poll a feed more often than this (default 5 min). */
  minIntervalMs?: number;
  /** Never wait longer than this (default 24 h). */
  maxIntervalMs?: number;
  /** Factor applied per consecutive unchanged poll (default 1.5). */
  unchangedBackoff?: number;
}

/**
 * How long to wait before polling a feed again, from what the last fetch said: Retry-After
 * first; after a failure, the interval doubled per consecutive failure; otherwise the longest of
 * the feed's `ttl`, Cache-Control max-age and Expires (or the default), stretched by
 * `unchangedBackoff` for every poll in a row that brought nothing new. Clamped to the bounds.
 * @example nextPollDelay(result, { unchanged: 2 }) // e.g. 30 min × 1.5² = 67.5 min
 */
export function nextPollDelay(
  result: FetchFeedResult,
  state: { unchanged: number },
  options: ScheduleOptions = {},
): number {
  const min = options.minIntervalMs ?? 5 * 60_000;
  const max = options.maxIntervalMs ?? 24 * 3_600_000;
  const base = options.defaultIntervalMs ?? 30 * 60_000;
  const clamp = (ms: number) => Math.min(max, Math.max(min, Math.round(ms)));
  if (result.cache.retryAfterMs !== undefined)
    return Math.min(max, Math.max(result.cache.retryAfterMs, min));
  if (result.status === 'error')
    return clamp(base * 2 ** Math.min(10, Math.max(0, result.feed.consecutiveFailures - 1)));
  const hinted = Math.max(
    result.parsed?.feed.ttl !== undefined ? result.parsed.feed.ttl * 60_000 : 0,
    result.cache.maxAgeSeconds !== undefined ? result.cache.maxAgeSeconds * 1000 : 0,
    result.cache.expires !== undefined
      ? Date.parse(result.cache.expires) - Date.parse(result.fetchedAt)
      : 0,
  );
  const interval = hinted > 0 ? hinted : base;
  return clamp(interval * (options.unchangedBackoff ?? 1.5) ** Math.min(8, state.unchanged));
}

/**
 * The host a feed is fetched from, for per-host politeness (`file` for local files).
 * @example hostOf({ url: 'https://feeds.bbci.co.uk/news/rss.xml' }) // 'feeds.bbci.co.uk'
 */
export function hostOf(feed: Pick<Feed, 'url'>): string {
  try {
    const url = new URL(feed.url);
    return url.protocol === 'file:' ? 'file' : url.host.toLowerCase();
  } catch {
    return feed.url;
  }
}
