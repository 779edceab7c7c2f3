import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  type Article,
  type Clock,
  type Diagnostic,
  type Feed,
  type FeedInput,
  FeedSchema,
  type Fetch,
  NewsloomError,
  type NewsloomErrorCode,
  type Outlet,
  systemClock,
} from '@newsloom/core';
import { feedToArticles } from '../articles/feed-to-articles';
import { parseFeed } from '../parse/parse-feed';
import type { ParsedFeed } from '../types';
import { type CacheHints, cacheHints } from './http-helpers';
import { type HttpOutcome, requestWithRetries } from './http-request';
import type { ResolveHost } from './ssrf-guard';

/** The User-Agent sent by default. */
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
 */
export async function fetchFeed(
  feedInput: Feed | FeedInput,
  options: FetchFeedOptions = {},
): Promise<FetchFeedResult> {
  const feed = FeedSchema.parse(feedInput);
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
      maxBytes: options.maxBytes ?? 20 * 1024 * 1024,
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

interface Base {
  feed: Feed;
  fetchedAt: string;
  finalUrl: string;
  options: FetchFeedOptions;
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

function fromHttp(base: Base, outcome: HttpOutcome, now: number): FetchFeedResult {
  const cache = cacheHints(outcome.headers, now);
  const moved = {
    finalUrl: outcome.finalUrl,
    ...(outcome.permanentRedirect ? { permanentRedirect: outcome.permanentRedirect } : {}),
  };
  const b = { ...base, ...moved };
  if (outcome.status === 304) {
    const feed = nextState(base.feed, base.fetchedAt, 304, undefined);
    return {
      status: 'not-modified',
      feed,
      httpStatus: 304,
      articles: [],
      diagnostics: [],
      fetchedAt: base.fetchedAt,
      cache,
      ...moved,
    };
  }
  if (outcome.status < 200 || outcome.status >= 300 || !outcome.body) {
    const error = new NewsloomError(
      'FETCH_FAILED',
      `HTTP ${outcome.status} ${outcome.statusText} from ${outcome.finalUrl}${outcome.attempts > 1 ? ` after ${outcome.attempts} attempts` : ''}.`,
      { details: { status: outcome.status } },
    );
    return failure(b, error, outcome.status, cache);
  }
  const validators = {
    etag: outcome.headers.get('etag') ?? undefined,
    lastModified: outcome.headers.get('last-modified') ?? undefined,
  };
  return parsed(
    b,
    outcome.body,
    outcome.headers.get('content-type') ?? undefined,
    outcome.status,
    cache,
    validators,
  );
}

async function fetchFile(base: Base): Promise<FetchFeedResult> {
  if (!base.options.allowFileUrls) {
    throw new NewsloomError(
      'BLOCKED_ADDRESS',
      `Refusing to read ${base.feed.url}: file: URLs need allowFileUrls: true.`,
    );
  }
  const path = fileURLToPath(base.feed.url);
  const info = await stat(path).catch((cause) => {
    throw new NewsloomError('FETCH_FAILED', `Cannot read ${path}: ${(cause as Error).message}`, {
      cause,
    });
  });
  const maxBytes = base.options.maxBytes ?? 20 * 1024 * 1024;
  if (info.size > maxBytes)
    throw new NewsloomError(
      'INPUT_TOO_LARGE',
      `${path} is ${info.size} bytes, over the ${maxBytes}-byte limit.`,
    );
  const lastModified = info.mtime.toUTCString();
  if (base.feed.lastModified === lastModified) {
    return {
      status: 'not-modified',
      feed: nextState(base.feed, base.fetchedAt, 304, undefined),
      articles: [],
      diagnostics: [],
      finalUrl: base.feed.url,
      fetchedAt: base.fetchedAt,
      cache: {},
    };
  }
  return parsed(base, await readFile(path), undefined, 200, {}, { etag: undefined, lastModified });
}

function parsed(
  b: Base,
  body: Uint8Array,
  contentType: string | undefined,
  status: number,
  cache: CacheHints,
  validators: { etag: string | undefined; lastModified: string | undefined },
): FetchFeedResult {
  try {
    const result = parseFeed(body, { url: b.finalUrl, contentType, maxBytes: b.options.maxBytes });
    const outlet = { id: b.options.outlet?.id ?? b.feed.outletId, name: b.options.outlet?.name };
    const { articles, diagnostics } = feedToArticles(result, {
      feed: { id: b.feed.id, url: b.finalUrl },
      outlet,
      fetchedAt: b.fetchedAt,
    });
    const feed = nextState(
      { ...b.feed, ...definedOnly(validators) },
      b.fetchedAt,
      status,
      undefined,
      result.items.length,
    );
    const all = [...result.diagnostics, ...diagnostics].map((d) =>
      d.subject ? d : { ...d, subject: b.finalUrl },
    );
    return {
      status: 'ok',
      feed,
      httpStatus: status,
      parsed: result,
      articles,
      diagnostics: all,
      finalUrl: b.finalUrl,
      fetchedAt: b.fetchedAt,
      cache,
      ...permanent(b),
    };
  } catch (error) {
    return failure(b, NewsloomError.from(error, 'FEED_PARSE_ERROR'), status, cache);
  }
}

function permanent(b: Base & { permanentRedirect?: string }): { permanentRedirect?: string } {
  return b.permanentRedirect ? { permanentRedirect: b.permanentRedirect } : {};
}

function failure(
  b: Base & { permanentRedirect?: string },
  error: NewsloomError,
  status: number,
  cache: CacheHints,
): FetchFeedResult {
  const feed = nextState(b.feed, b.fetchedAt, status, error.message);
  const diagnostic: Diagnostic = {
    severity: 'error',
    code: error.code,
    message: error.message,
    subject: b.feed.url,
    cause: error,
  };
  const detail = Object.keys(error.details).length > 0 ? { details: error.details } : {};
  return {
    status: 'error',
    feed,
    articles: [],
    diagnostics: [diagnostic],
    finalUrl: b.finalUrl,
    fetchedAt: b.fetchedAt,
    cache,
    error: { code: error.code, message: error.message, ...detail },
    ...(status ? { httpStatus: status } : {}),
    ...permanent(b),
  };
}

function nextState(
  feed: Feed,
  fetchedAt: string,
  status: number,
  error: string | undefined,
  itemCount?: number,
): Feed {
  const { lastError: _previous, ...rest } = feed;
  return FeedSchema.parse({
    ...rest,
    lastFetchedAt: fetchedAt,
    lastStatus: status,
    consecutiveFailures: error ? feed.consecutiveFailures + 1 : 0,
    ...(error ? { lastError: error.split('\n')[0] } : {}),
    ...(itemCount !== undefined ? { lastItemCount: itemCount } : {}),
  });
}

function definedOnly<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
