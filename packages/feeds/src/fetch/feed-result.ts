import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Diagnostic, type Feed, FeedSchema, NewsloomError } from '@newsloom/core';
import { feedToArticles } from '../articles/feed-to-articles';
import { DEFAULT_MAX_BYTES, parseFeed } from '../parse/parse-feed';
import type { FetchFeedOptions, FetchFeedResult } from './fetch-types';
import { type CacheHints, cacheHints } from './http-helpers';
import type { HttpOutcome } from './http-request';

/** What every result of one fetch starts from. */
export interface Base {
  feed: Feed;
  fetchedAt: string;
  finalUrl: string;
  options: FetchFeedOptions;
}

/** The result of an HTTP exchange: not-modified, an HTTP error, or a parsed feed. */
export function fromHttp(base: Base, outcome: HttpOutcome, now: number): FetchFeedResult {
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

/** Reads a `file:` feed (only with `allowFileUrls`); its mtime stands in for Last-Modified. */
export async function fetchFile(base: Base): Promise<FetchFeedResult> {
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
  const maxBytes = base.options.maxBytes ?? DEFAULT_MAX_BYTES;
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

/** An error result, with the feed's failure count and last error updated. */
export function failure(
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
