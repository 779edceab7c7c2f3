import type { Clock, Feed } from '@newsloom/core';
import type { FetchFeedResult } from '../fetch/fetch-feed';

/**
 * The failed result standing for a fetcher port that threw (`fetchFeed` itself never does), so
 * one broken fetcher counts as one failed fetch and never sinks the others.
 * @example result = await fetcher(feed, options).catch((e) => thrownResult(feed, clock, e))
 */
export function thrownResult(feed: Feed, clock: Clock, error: unknown): FetchFeedResult {
  const message = error instanceof Error ? error.message : String(error);
  const fetchedAt = new Date(clock.now()).toISOString();
  return {
    status: 'error',
    feed: {
      ...feed,
      consecutiveFailures: feed.consecutiveFailures + 1,
      lastError: message,
      lastFetchedAt: fetchedAt,
    },
    articles: [],
    diagnostics: [{ severity: 'error', code: 'FETCH_FAILED', message, subject: feed.url }],
    finalUrl: feed.url,
    fetchedAt,
    cache: {},
    error: { code: 'FETCH_FAILED', message },
  };
}
