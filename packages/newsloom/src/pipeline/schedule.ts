import type { Feed } from '@newsloom/core';
import type { FetchFeedResult } from '@newsloom/feeds';

const MINUTE = 60_000;
/** The longest a failing feed waits between tries: one day. */
const MAX_BACKOFF_MS = 24 * 60 * MINUTE;

/**
 * When a feed should next be fetched: after the poll interval, or later when the server or the
 * feed asks for it (Cache-Control max-age, Expires, Retry-After, RSS `ttl`), doubling the wait
 * after each consecutive failure (capped at a day). Pure.
 * @example nextFetchAt(result, 15) // '2024-01-01T00:15:00.000Z' for a healthy feed fetched at midnight
 */
function nextFetchAt(result: FetchFeedResult, intervalMinutes: number): string {
  const fetchedAt = Date.parse(result.fetchedAt);
  const failures = result.feed.consecutiveFailures;
  const base = intervalMinutes * MINUTE * 2 ** Math.min(failures, 10);
  const waits = [Math.min(base, Math.max(MAX_BACKOFF_MS, intervalMinutes * MINUTE))];
  const { cache } = result;
  if (cache.maxAgeSeconds !== undefined) waits.push(cache.maxAgeSeconds * 1000);
  if (cache.retryAfterMs !== undefined) waits.push(cache.retryAfterMs);
  if (cache.expires !== undefined) waits.push(Date.parse(cache.expires) - fetchedAt);
  const ttl = result.parsed?.feed.ttl;
  if (ttl !== undefined) waits.push(ttl * MINUTE);
  const wait = Math.max(...waits.filter((w) => Number.isFinite(w)));
  return new Date(fetchedAt + wait).toISOString();
}

/**
 * True when a feed has never been fetched or its next fetch time has come.
 * @example feeds.filter((feed) => isDue(feed, Date.now()))
 */
export function isDue(feed: Feed, now: number): boolean {
  return feed.nextFetchAt === undefined || Date.parse(feed.nextFetchAt) <= now;
}

/**
 * The feed to store after a fetch: its new state, next fetch time and, after a permanent redirect, its new URL.
 * @example await store.upsertFeeds([feedAfterFetch(result, 15)])
 */
export function feedAfterFetch(result: FetchFeedResult, intervalMinutes: number): Feed {
  return {
    ...result.feed,
    nextFetchAt: nextFetchAt(result, intervalMinutes),
    ...(result.permanentRedirect ? { url: result.permanentRedirect } : {}),
  };
}
