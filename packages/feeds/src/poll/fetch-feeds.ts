import {
  type Clock,
  describeZodIssues,
  type Feed,
  type FeedInput,
  FeedSchema,
  NewsloomError,
  type Outlet,
  systemClock,
} from '@newsloom/core';
import { type FetchFeedOptions, type FetchFeedResult, fetchFeed } from '../fetch/fetch-feed';
import { createHostGate, type HostGate, type HostLimits } from './host-gate';
import { thrownResult } from './thrown-result';

/** Options of {@link fetchFeeds}; the host limits are the poller's, with the same defaults. */
export interface FetchFeedsOptions extends HostLimits {
  /** Outlets by id, so articles carry the outlet's name. */
  outlets?: readonly (Pick<Outlet, 'id'> & Partial<Outlet>)[];
  /** The clock port (default the system clock): host intervals are waited through it. */
  clock?: Clock;
  /** Stops starting fetches and aborts those in flight; `fetchFeeds` then rejects `ABORTED`. */
  signal?: AbortSignal;
  /** Options passed to every {@link fetchFeed} (fetch port, timeouts, SSRF guard…). */
  fetchOptions?: Omit<FetchFeedOptions, 'signal' | 'clock' | 'outlet'>;
  /** The fetcher port (default {@link fetchFeed}); one that throws gives that feed an error result. */
  fetchFeed?: (feed: Feed, options: FetchFeedOptions) => Promise<FetchFeedResult>;
  /**
   * Receives each feed's result as soon as it is fetched (awaited: save it here). If it throws,
   * no further fetch starts and `fetchFeeds` rejects with that error once in-flight ones end.
   */
  onResult?: (result: FetchFeedResult, index: number) => void | Promise<void>;
}

interface Pending {
  feed: Feed;
  index: number;
}

/**
 * Fetches each feed once, politely: the poller's global and per-host concurrency and its least
 * interval between requests to one host, feeds started in the order given as their host allows.
 * HTTP outcomes are results, never exceptions: one failed feed is one `status: 'error'` result.
 *
 * @example
 * const results = await fetchFeeds(feeds, {
 *   outlets,
 *   fetchOptions: { allowPrivateNetwork: false },
 *   onResult: (result) => store.upsertArticles(result.articles),
 * })
 * results[0]?.status // 'ok' | 'not-modified' | 'error', in the order of `feeds`
 * @throws {NewsloomError} `INVALID_INPUT` when a feed is not a valid Feed; `ABORTED` when
 *   `signal` aborted (results already handed to `onResult` stand); what `onResult` threw.
 */
export async function fetchFeeds(
  feeds: readonly (Feed | FeedInput)[],
  options: FetchFeedsOptions = {},
): Promise<FetchFeedResult[]> {
  const pending = feeds.map((input, index) => ({ feed: validFeed(input, index), index }));
  const clock = options.clock ?? systemClock;
  const gate = createHostGate(options);
  const results: FetchFeedResult[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let wake: () => void = () => undefined;
  const onAbort = () => wake();
  const stopped = () => failure !== undefined || options.signal?.aborted === true;
  const launch = ({ feed, index }: Pending, release: () => void) => {
    const job = fetchOne(feed, options, clock)
      .then((result) => {
        results[index] = result;
        return options.onResult?.(result, index);
      })
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => {
        release();
        inFlight.delete(job);
        wake();
      });
    inFlight.add(job);
  };
  options.signal?.addEventListener('abort', onAbort);
  try {
    while ((pending.length > 0 && !stopped()) || inFlight.size > 0) {
      const woken = new Promise<void>((resolve) => {
        wake = resolve;
      });
      const at = stopped()
        ? Number.POSITIVE_INFINITY
        : startReady(pending, gate, clock.now(), launch);
      await waitForWork(woken, at, clock);
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  if (failure) throw failure.error;
  if (options.signal?.aborted) {
    throw new NewsloomError('ABORTED', 'fetchFeeds was cancelled before every feed was fetched', {
      details: { fetched: results.filter(Boolean).length, feeds: feeds.length },
    });
  }
  return results;
}

/** Starts every pending feed its host allows now, in order; returns when to look again. */
function startReady(
  pending: Pending[],
  gate: HostGate,
  now: number,
  launch: (entry: Pending, release: () => void) => void,
): number {
  let next = Number.POSITIVE_INFINITY;
  for (let i = 0; i < pending.length && !gate.full(); ) {
    const entry = pending[i] as Pending;
    const ready = gate.readyAt(entry.feed);
    if (ready > now) {
      next = Math.min(next, ready);
      i += 1;
      continue;
    }
    pending.splice(i, 1);
    launch(entry, gate.start(entry.feed, now));
  }
  return next;
}

/** Waits until a fetch ends (or the signal aborts) or, when a host frees up at `at`, until then. */
async function waitForWork(woken: Promise<void>, at: number, clock: Clock): Promise<void> {
  if (at === Number.POSITIVE_INFINITY) return woken;
  const timer = new AbortController();
  const slept = clock.sleep(Math.max(0, at - clock.now()), timer.signal).catch(() => undefined);
  await Promise.race([woken, slept]);
  timer.abort();
}

async function fetchOne(
  feed: Feed,
  options: FetchFeedsOptions,
  clock: Clock,
): Promise<FetchFeedResult> {
  const outlet = options.outlets?.find((o) => o.id === feed.outletId);
  const fetcher = options.fetchFeed ?? fetchFeed;
  try {
    return await fetcher(feed, {
      ...options.fetchOptions,
      clock,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(outlet ? { outlet } : {}),
    });
  } catch (error) {
    return thrownResult(feed, clock, error);
  }
}

function validFeed(input: Feed | FeedInput, index: number): Feed {
  const result = FeedSchema.safeParse(input);
  if (result.success) return result.data;
  throw new NewsloomError(
    'INVALID_INPUT',
    `fetchFeeds: feed ${index} is not a Feed with id, url and outletId: ${describeZodIssues(result.error)}`,
    { cause: result.error },
  );
}
