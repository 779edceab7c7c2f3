import {
  type Article,
  type Clock,
  type Feed,
  type FeedInput,
  FeedSchema,
  type Outlet,
  systemClock,
} from '@newsloom/core';
import { type FetchFeedOptions, type FetchFeedResult, fetchFeed } from '../fetch/fetch-feed';
import { createHostGate, type HostLimits } from './host-gate';
import { nextPollDelay, type ScheduleOptions } from './schedule';
import { thrownResult } from './thrown-result';

/** One poll of one feed, as {@link PollerOptions.onStatus} reports it. */
export interface FeedPollStatus {
  feed: Feed;
  status: FetchFeedResult['status'];
  httpStatus?: number;
  /** Articles in the feed this time, and how many were new or changed since the last poll. */
  articleCount: number;
  newArticleCount: number;
  error?: string;
  nextFetchAt: string;
}

/** Options of {@link createPoller}. */
export interface PollerOptions extends ScheduleOptions, HostLimits {
  feeds: readonly (Feed | FeedInput)[];
  /** Outlets by id, so articles carry the outlet's name. */
  outlets?: readonly (Pick<Outlet, 'id'> & Partial<Outlet>)[];
  /** The clock port (default the system clock): scheduling reads and sleeps through it. */
  clock?: Clock;
  /** Options passed to every {@link fetchFeed} (fetch port, timeouts, SSRF guard…). */
  fetchOptions?: Omit<FetchFeedOptions, 'signal' | 'clock' | 'outlet'>;
  /** The fetcher port (default {@link fetchFeed}). */
  fetchFeed?: (feed: Feed, options: FetchFeedOptions) => Promise<FetchFeedResult>;
  /** Receives the new or changed articles of each poll. */
  onArticles?: (articles: Article[], feed: Feed) => void | Promise<void>;
  /** Receives the outcome of each poll. */
  onStatus?: (status: FeedPollStatus) => void;
}

/** A running set of feed subscriptions. */
export interface Poller {
  /** Polls due feeds until `signal` aborts; resolves once in-flight fetches have finished. */
  run(signal: AbortSignal): Promise<void>;
  /** The feeds with their current fetch state and next fetch time. */
  feeds(): Feed[];
}

interface Entry {
  feed: Feed;
  due: number;
  unchanged: number;
  seen: Map<string, string>;
}

/**
 * Polls many feeds politely: global and per-host concurrency limits, a minimum interval between
 * requests to one host, and a schedule per feed from its ttl, Cache-Control, Expires,
 * Retry-After and how often it changes (unchanged feeds back off; failing ones back off longer).
 * Emits new or changed articles and a status per poll; stops cleanly on an AbortSignal.
 *
 * @example
 * const controller = new AbortController()
 * const poller = createPoller({ feeds, onArticles: (a) => store.upsertArticles(a) })
 * await poller.run(controller.signal) // controller.abort() to stop
 */
export function createPoller(options: PollerOptions): Poller {
  const clock = options.clock ?? systemClock;
  const start = clock.now();
  const entries: Entry[] = options.feeds.map((input) => {
    const feed = FeedSchema.parse(input);
    const due = feed.nextFetchAt ? Date.parse(feed.nextFetchAt) : start;
    return { feed, due, unchanged: 0, seen: new Map() };
  });
  return {
    feeds: () => entries.map((e) => e.feed),
    run: (signal) => runLoop(entries, options, clock, signal),
  };
}

async function runLoop(
  entries: Entry[],
  options: PollerOptions,
  clock: Clock,
  signal: AbortSignal,
): Promise<void> {
  const gate = createHostGate(options);
  const inFlight = new Set<Promise<void>>();
  let wake: () => void = () => undefined;
  while (!signal.aborted) {
    const now = clock.now();
    let nextWake = Number.POSITIVE_INFINITY;
    for (const entry of [...entries].sort(
      (a, b) => a.due - b.due || a.feed.id.localeCompare(b.feed.id),
    )) {
      if (gate.full()) break;
      const ready = Math.max(entry.due, gate.readyAt(entry.feed));
      if (ready === Number.POSITIVE_INFINITY) continue;
      if (ready > now) {
        nextWake = Math.min(nextWake, ready);
        continue;
      }
      const release = gate.start(entry.feed, now);
      entry.due = Number.POSITIVE_INFINITY; // running
      const job = pollEntry(entry, options, clock, signal).finally(() => {
        release();
        inFlight.delete(job);
        wake();
      });
      inFlight.add(job);
    }
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
    });
    const waits: Promise<unknown>[] = [woken];
    if (inFlight.size === 0 || nextWake !== Number.POSITIVE_INFINITY) {
      const ms =
        nextWake === Number.POSITIVE_INFINITY ? 60_000 : Math.max(0, nextWake - clock.now());
      waits.push(clock.sleep(ms, signal).catch(() => undefined));
    }
    await Promise.race(waits);
    // Let timers and I/O run between rounds, whatever clock drives the schedule.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.allSettled([...inFlight]);
}

async function pollEntry(
  entry: Entry,
  options: PollerOptions,
  clock: Clock,
  signal: AbortSignal,
): Promise<void> {
  const outlet = options.outlets?.find((o) => o.id === entry.feed.outletId);
  const fetcher = options.fetchFeed ?? fetchFeed;
  let result: FetchFeedResult;
  try {
    result = await fetcher(entry.feed, {
      ...options.fetchOptions,
      clock,
      signal,
      ...(outlet ? { outlet } : {}),
    });
  } catch (error) {
    result = thrownResult(entry.feed, clock, error);
  }
  const fresh = result.articles.filter((a) => entry.seen.get(a.id) !== a.contentHash);
  for (const a of result.articles) entry.seen.set(a.id, a.contentHash ?? '');
  while (entry.seen.size > 10_000) entry.seen.delete(entry.seen.keys().next().value as string);
  entry.unchanged =
    result.status === 'error' ? entry.unchanged : fresh.length === 0 ? entry.unchanged + 1 : 0;
  const delay = nextPollDelay(result, entry, options);
  const due = clock.now() + delay;
  const nextFetchAt = new Date(due).toISOString();
  entry.feed = FeedSchema.parse({
    ...result.feed,
    nextFetchAt,
    ...(result.permanentRedirect ? { url: result.permanentRedirect } : {}),
  });
  entry.due = due;
  if (fresh.length > 0 && !signal.aborted) await options.onArticles?.(fresh, entry.feed);
  options.onStatus?.({
    feed: entry.feed,
    status: result.status,
    ...(result.httpStatus !== undefined ? { httpStatus: result.httpStatus } : {}),
    articleCount: result.articles.length,
    newArticleCount: fresh.length,
    ...(result.error ? { error: result.error.message } : {}),
    nextFetchAt,
  });
}
