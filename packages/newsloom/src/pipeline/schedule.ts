import type { Feed } from '@newsloom/core';
import { type FetchFeedResult, nextPollDelay, type ScheduleOptions } from '@newsloom/feeds';

/**
 * The feeds package's polling schedule for a pipeline interval: feeds are fetched every
 * `intervalMinutes` unless they or their server ask for longer (never more often than every
 * minute, or than the interval when it is shorter).
 * @example createPoller({ feeds, ...scheduleFor(15) })
 */
export function scheduleFor(intervalMinutes: number): ScheduleOptions {
  const interval = intervalMinutes * 60_000;
  return { defaultIntervalMs: interval, minIntervalMs: Math.min(interval, 60_000) };
}

/**
 * True when a feed has never been fetched or its next fetch time has come.
 * @example feeds.filter((feed) => isDue(feed, Date.now()))
 */
export function isDue(feed: Feed, now: number): boolean {
  return feed.nextFetchAt === undefined || Date.parse(feed.nextFetchAt) <= now;
}

/**
 * The feed to store after a fetch: its new state, its next fetch time (the feeds package's
 * `nextPollDelay`: Retry-After, ttl, Cache-Control, Expires, back-off after failures) and,
 * after a permanent redirect, its new URL.
 * @example await store.upsertFeeds([feedAfterFetch(result, 15)])
 */
export function feedAfterFetch(result: FetchFeedResult, intervalMinutes: number): Feed {
  const delay = nextPollDelay(result, { unchanged: 0 }, scheduleFor(intervalMinutes));
  return {
    ...result.feed,
    nextFetchAt: new Date(Date.parse(result.fetchedAt) + delay).toISOString(),
    ...(result.permanentRedirect ? { url: result.permanentRedirect } : {}),
  };
}
