import type {
  Article,
  Clock,
  Diagnostic,
  Feed,
  Fetch,
  NewsloomErrorCode,
  Outlet,
} from '@newsloom/core';
import type { ParsedFeed } from '../types';
import type { CacheHints } from './http-helpers';
import type { ResolveHost } from './ssrf-guard';

/**
 * The User-Agent sent by default.
 * @example fetchFeed(feed, { userAgent: `my-app/1.0 ${DEFAULT_USER_AGENT}` })
 */
export const DEFAULT_USER_AGENT =
  'newsloom-feeds/0.1 (+https://github.com/newsloom/newsloom; feed reader)';

/** Options of {@link fetchFeed}; every one has a default. */
export interface FetchFeedOptions {
  /** The fetch port (default `globalThis.fetch`, resolved at call time). */
  fetch?: Fetch;
  /** The clock port, for `fetchedAt` and back-off sleeps (default the system clock). */
  clock?: Clock;
  /** The outlet the articles belong to (default: id from the feed, no name). */
  outlet?: Pick<Outlet, 'id'> & Partial<Outlet>;
  signal?: AbortSignal;
  userAgent?: string;
  /** Wait for response headers (default 10 s). */
  connectTimeoutMs?: number;
  /** Wait for the whole response, body included (default 30 s). */
  timeoutMs?: number;
  /** Largest body accepted after decompression (default 20 MB). */
  maxBytes?: number;
  /** Redirects followed (default 5). */
  maxRedirects?: number;
  /** Retries after network errors, 5xx and 429 (default 2). */
  retries?: number;
  /** First back-off delay (default 1 s), doubled each retry, with jitter. */
  retryBaseMs?: number;
  /** Longest Retry-After honoured by waiting (default 30 s); longer ones end the fetch. */
  maxRetryWaitMs?: number;
  /** Allow loopback, private and link-local addresses: for tests and intranets (default false). */
  allowPrivateNetwork?: boolean;
  /** Allow `file:` feed URLs (default false). */
  allowFileUrls?: boolean;
  /** DNS port of the SSRF guard (default the system resolver). */
  resolveHost?: ResolveHost;
  /** Random numbers for back-off jitter (default `Math.random`). */
  random?: () => number;
}

/** What {@link fetchFeed} returns: never thrown, whatever the server answered. */
export interface FetchFeedResult {
  status: 'ok' | 'not-modified' | 'error';
  /** The feed with its fetch state updated (etag, lastModified, lastStatus, failures…). */
  feed: Feed;
  /** HTTP status of the final response, when there was one. */
  httpStatus?: number;
  parsed?: ParsedFeed;
  articles: Article[];
  diagnostics: Diagnostic[];
  /** The new address when the feed moved permanently (301/308): update the stored URL. */
  permanentRedirect?: string;
  finalUrl: string;
  fetchedAt: string;
  /** Cache-Control max-age, Expires and Retry-After of the response, for scheduling. */
  cache: CacheHints;
  error?: { code: NewsloomErrorCode; message: string; details?: Record<string, unknown> };
}
