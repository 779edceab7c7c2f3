import {
  describeZodIssues,
  type Feed,
  type FeedInput,
  FeedSchema,
  NewsloomError,
  systemClock,
} from '@newsloom/core';
import { DEFAULT_MAX_BYTES } from '../parse/parse-feed';
import { failure, fetchFile, fromHttp } from './feed-result';
import { DEFAULT_USER_AGENT, type FetchFeedOptions, type FetchFeedResult } from './fetch-types';
import { requestWithRetries } from './http-request';

export { DEFAULT_USER_AGENT, type FetchFeedOptions, type FetchFeedResult } from './fetch-types';

/**
 * Fetches and parses one feed politely: conditional GET (ETag, If-Modified-Since) and 304,
 * gzip/deflate/br, at most 5 redirects (permanent ones reported, loops detected), connect and
 * total timeouts, a streamed size cap, retries with back-off on network errors and 5xx,
 * Retry-After on 429/503, a descriptive User-Agent, and an SSRF guard. HTTP outcomes are
 * results, never exceptions.
 *
 * @example
 * const result = await fetchFeed(feed, { outlet })
 * if (result.status === 'ok') await store.upsertArticles(result.articles)
 * // persist result.feed (etag, lastModified…) for the next conditional GET
 * @throws {NewsloomError} `INVALID_INPUT` only when `feed` itself is not a valid Feed.
 */
export async function fetchFeed(
  feedInput: Feed | FeedInput,
  options: FetchFeedOptions = {},
): Promise<FetchFeedResult> {
  const feed = validFeed(feedInput);
  const clock = options.clock ?? systemClock;
  const fetchedAt = new Date(clock.now()).toISOString();
  const base = { feed, fetchedAt, finalUrl: feed.url, options };
  try {
    if (/^file:/i.test(feed.url)) return await fetchFile(base);
    const outcome = await requestWithRetries(feed.url, {
      fetch: options.fetch ?? globalThis.fetch,
      clock,
      random: options.random ?? Math.random,
      headers: requestHeaders(feed, options),
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      maxRedirects: options.maxRedirects ?? 5,
      retries: options.retries ?? 2,
      retryBaseMs: options.retryBaseMs ?? 1000,
      maxRetryWaitMs: options.maxRetryWaitMs ?? 30_000,
      allowPrivate: options.allowPrivateNetwork ?? false,
      resolveHost: options.resolveHost,
      signal: options.signal,
    });
    return fromHttp(base, outcome, clock.now());
  } catch (error) {
    return failure(base, NewsloomError.from(error, 'FETCH_FAILED'), 0, {});
  }
}

function requestHeaders(feed: Feed, options: FetchFeedOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
    accept:
      'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (feed.etag) headers['if-none-match'] = feed.etag;
  if (feed.lastModified) headers['if-modified-since'] = feed.lastModified;
  return headers;
}

function validFeed(input: Feed | FeedInput): Feed {
  const result = FeedSchema.safeParse(input);
  if (result.success) return result.data;
  throw new NewsloomError(
    'INVALID_INPUT',
    `fetchFeed needs a Feed with id, url and outletId: ${describeZodIssues(result.error)}`,
    { cause: result.error },
  );
}
