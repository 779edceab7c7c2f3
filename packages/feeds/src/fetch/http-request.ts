import { type Clock, type Fetch, NewsloomError } from '@newsloom/core';
import { backoffMs, parseRetryAfter, readBody } from './http-helpers';
import { type PinnedHost, pinnedDispatcher } from './pinned-dispatcher';
import { assertFetchable, type ResolveHost } from './ssrf-guard';

/** Settings of one polite HTTP GET (see `FetchFeedOptions` for their defaults). */
export interface RequestSettings {
  fetch: Fetch;
  clock: Clock;
  random: () => number;
  headers: Record<string, string>;
  connectTimeoutMs: number;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  retries: number;
  retryBaseMs: number;
  maxRetryWaitMs: number;
  allowPrivate: boolean;
  resolveHost: ResolveHost | undefined;
  signal: AbortSignal | undefined;
}

/** What the server finally answered. */
export interface HttpOutcome {
  status: number;
  statusText: string;
  headers: Headers;
  /** The body of a 2xx response. */
  body?: Uint8Array;
  finalUrl: string;
  /** Set when every redirect on the way was permanent (301/308): the feed's new address. */
  permanentRedirect?: string;
  redirects: string[];
  attempts: number;
}

const RETRY_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * GETs `url` with redirects followed by hand (SSRF-checked at every hop, at most
 * `maxRedirects`, loops detected), timeouts, a streamed size cap and retries with exponential
 * back-off and jitter on network errors and 5xx; 429/503 honour Retry-After up to `maxRetryWaitMs`.
 * @example const outcome = await requestWithRetries('https://example.com/feed', settings)
 * @throws {NewsloomError} `BLOCKED_ADDRESS`, `TIMEOUT`, `ABORTED`, `INPUT_TOO_LARGE` or `FETCH_FAILED`.
 */
export async function requestWithRetries(url: string, s: RequestSettings): Promise<HttpOutcome> {
  for (let attempt = 0; ; attempt++) {
    let wait: number | undefined;
    try {
      const outcome = await followRedirects(url, s);
      outcome.attempts = attempt + 1;
      if (!RETRY_STATUS.has(outcome.status) || attempt >= s.retries) return outcome;
      const retryAfter = parseRetryAfter(outcome.headers.get('retry-after'), s.clock.now());
      if (retryAfter !== undefined && retryAfter > s.maxRetryWaitMs) return outcome;
      wait = retryAfter ?? backoffMs(attempt, s.retryBaseMs, s.random);
    } catch (error) {
      if (!isRetryable(error) || attempt >= s.retries || s.signal?.aborted) throw wrap(error, url);
      wait = backoffMs(attempt, s.retryBaseMs, s.random);
    }
    await s.clock.sleep(wait, s.signal).catch((reason) => {
      throw new NewsloomError('ABORTED', `Fetching ${url} was aborted.`, { cause: reason });
    });
  }
}

async function followRedirects(start: string, s: RequestSettings): Promise<HttpOutcome> {
  const redirects: string[] = [];
  const seen = new Set<string>();
  let url = start;
  let permanent = true;
  for (let hop = 0; ; hop++) {
    const target = new URL(url);
    const pinned = await assertFetchable(target, {
      allowPrivate: s.allowPrivate,
      resolveHost: s.resolveHost,
    });
    seen.add(target.href);
    const result = await attempt(target.href, s, pinned);
    const location = result.headers.get('location');
    if (result.status < 300 || result.status >= 400 || result.status === 304 || !location) {
      return {
        ...result,
        finalUrl: target.href,
        redirects,
        attempts: 1,
        ...(permanent && redirects.length > 0 ? { permanentRedirect: target.href } : {}),
      };
    }
    const next = new URL(location, target).href;
    if (seen.has(next))
      throw new NewsloomError(
        'FETCH_FAILED',
        `Redirect loop: ${[start, ...redirects, next].join(' → ')}. Fix the feed URL.`,
        { details: { url: start, redirects } },
      );
    if (hop >= s.maxRedirects)
      throw new NewsloomError(
        'FETCH_FAILED',
        `Too many redirects (more than ${s.maxRedirects}) from ${start}.`,
        { details: { url: start, redirects } },
      );
    permanent &&= result.status === 301 || result.status === 308;
    redirects.push(next);
    url = next;
  }
}

type Attempt = Omit<HttpOutcome, 'finalUrl' | 'redirects' | 'attempts' | 'permanentRedirect'>;

// With `pinned`, the request connects only to the addresses the guard checked (no second DNS
// answer, so no rebinding); the fetch port receives the dispatcher that does so.
async function attempt(url: string, s: RequestSettings, pinned?: PinnedHost): Promise<Attempt> {
  const dispatcher = pinned ? pinnedDispatcher(pinned) : undefined;
  const controller = new AbortController();
  const abort = (error: NewsloomError) => controller.abort(error);
  const onOuterAbort = () => abort(new NewsloomError('ABORTED', `Fetching ${url} was aborted.`));
  s.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (s.signal?.aborted) onOuterAbort();
  const total = setTimeout(
    () =>
      abort(
        new NewsloomError('TIMEOUT', `No complete response from ${url} within ${s.timeoutMs} ms.`),
      ),
    s.timeoutMs,
  );
  const connect = setTimeout(
    () =>
      abort(
        new NewsloomError(
          'TIMEOUT',
          `No response headers from ${url} within ${s.connectTimeoutMs} ms.`,
        ),
      ),
    s.connectTimeoutMs,
  );
  try {
    const init: Omit<RequestInit, 'dispatcher'> & { dispatcher?: unknown } = {
      headers: s.headers,
      redirect: 'manual',
      signal: controller.signal,
    };
    if (dispatcher) init.dispatcher = dispatcher;
    // npm undici's Agent is the dispatcher Node's fetch takes; its types are a version apart.
    const response = await s.fetch(url, init as RequestInit);
    clearTimeout(connect);
    const base = {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    };
    if (response.status < 200 || response.status >= 300) {
      await response.body?.cancel().catch(() => undefined);
      return base;
    }
    return { ...base, body: await readBody(response, s.maxBytes, url) };
  } catch (error) {
    throw controller.signal.aborted && controller.signal.reason instanceof NewsloomError
      ? controller.signal.reason
      : error;
  } finally {
    clearTimeout(total);
    clearTimeout(connect);
    s.signal?.removeEventListener('abort', onOuterAbort);
    dispatcher?.destroy().catch(() => undefined);
  }
}

function isRetryable(error: unknown): boolean {
  return !(error instanceof NewsloomError);
}

function wrap(error: unknown, url: string): NewsloomError {
  if (error instanceof NewsloomError) return error;
  const cause =
    error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return NewsloomError.from(error, 'FETCH_FAILED', `Network error fetching ${url}${cause}`);
}
