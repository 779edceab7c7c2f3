import {
  type ArticleStore,
  type Clock,
  type Feed,
  FeedSchema,
  type Fetch,
  type Outlet,
  OutletSchema,
} from '@newsloom/core';
import { type FetchFeedOptions, fetchFeed } from '@newsloom/feeds';
import type pg from 'pg';
import { feedAfterFetch, isDue } from '../pipeline/schedule';
import { type HostLeases, hostKey, type PolitenessOptions, politeFetch } from './host-leases';
import { emptyPhaseTotals, type PhaseTotals, timed } from './phases';

/** What one fetch job did. */
export type FetchJobOutcome =
  | { kind: 'fetched'; feedId: string; inserted: number; updated: number; status: string }
  | { kind: 'not-due'; feedId: string }
  | { kind: 'deferred'; feedId: string; waitMs: number };

/** Everything a fetch job needs. */
export interface FetchJobContext {
  pool: pg.Pool;
  store: ArticleStore;
  leases: HostLeases;
  /** The network fetch; each job wraps it in a polite fetch that holds host leases. */
  fetch: Fetch;
  politeness: PolitenessOptions;
  clock: Clock;
  pollMinutes: number;
  feedOptions: Omit<FetchFeedOptions, 'fetch' | 'clock' | 'outlet' | 'signal'>;
  signal?: AbortSignal;
  /** Where the job's time is added up (prepare, fetch, store). */
  phases?: PhaseTotals;
}

interface FeedRow {
  feed: string;
  outlet: string | null;
}

/**
 * Runs the fetch job of one feed: reads the feed's current state (another worker may have
 * fetched it since the job was queued: then nothing to do), gives the job back when its host
 * is held by another worker (so this worker's slot fetches another host meanwhile), else
 * fetches, stores the articles (one transaction) and the feed's next fetch time.
 */
export async function runFetchJob(
  context: FetchJobContext,
  feedId: string,
): Promise<FetchJobOutcome> {
  const phases = context.phases ?? emptyPhaseTotals();
  const prepared = await timed(phases, 'prepare', () => prepare(context, feedId));
  if (prepared.kind !== 'ready') return prepared;
  const { loaded, host } = prepared;
  const held = { host: host as string | undefined, signal: context.signal };
  const fetch = politeFetch(context.fetch, context.leases, context.politeness, held);
  const fetched = await timed(phases, 'fetch', () =>
    fetchFeed(loaded.feed, {
      ...context.feedOptions,
      fetch,
      clock: context.clock,
      ...(loaded.outlet ? { outlet: loaded.outlet } : {}),
      ...(context.signal ? { signal: context.signal } : {}),
    }).finally(async () => {
      // A lease taken for a request never sent (e.g. the URL was refused) is given back.
      if (held.host !== undefined) await context.leases.release(host);
    }),
  );
  const counts = await timed(phases, 'store', async () => {
    const stored =
      fetched.articles.length > 0 ? await context.store.upsertArticles(fetched.articles) : undefined;
    await context.store.upsertFeeds([feedAfterFetch(fetched, context.pollMinutes)]);
    return stored;
  });
  return {
    kind: 'fetched',
    feedId,
    inserted: counts?.inserted ?? 0,
    updated: counts?.updated ?? 0,
    status: fetched.status,
  };
}

/** Loads the feed and takes its host's lease, or says why the job stops here. */
async function prepare(context: FetchJobContext, feedId: string) {
  const loaded = await loadFeed(context.pool, feedId);
  if (loaded === undefined || !isDue(loaded.feed, context.clock.now())) {
    return { kind: 'not-due', feedId } as const;
  }
  const host = hostKey(loaded.feed.url);
  const waitMs = await context.leases.tryAcquire(host);
  if (waitMs > 0) return { kind: 'deferred', feedId, waitMs } as const;
  return { kind: 'ready', loaded, host } as const;
}

async function loadFeed(
  pool: pg.Pool,
  feedId: string,
): Promise<{ feed: Feed; outlet: Outlet | undefined } | undefined> {
  const result = await pool.query<FeedRow>(
    `SELECT f.doc AS feed, o.doc AS outlet FROM feeds f
     LEFT JOIN outlets o ON o.id = f.outlet_id WHERE f.id = $1`,
    [feedId],
  );
  const row = result.rows[0];
  if (row === undefined) return undefined;
  const feed = FeedSchema.parse(JSON.parse(row.feed));
  const outlet = row.outlet === null ? undefined : OutletSchema.parse(JSON.parse(row.outlet));
  return { feed, outlet };
}
