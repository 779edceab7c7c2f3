import {
  type Clock,
  type Feed,
  FeedSchema,
  type Fetch,
  type Outlet,
  OutletSchema,
} from '@newsloom/core';
import { type FetchFeedOptions, fetchFeed } from '@newsloom/feeds';
import type { FetchResultWrite } from '@newsloom/store-postgres';
import type pg from 'pg';
import { feedAfterFetch } from '../pipeline/schedule';
import {
  type HostLeases,
  hostKey,
  leaseUpsertSql,
  leaseWaitSql,
  type PolitenessOptions,
  politeFetch,
  waitBeforeRetry,
} from './host-leases';
import { emptyPhaseTotals, type PhaseTotals, timed } from './phases';
import { bossSchema, QUEUES } from './queues';

/** The data of a fetch job: the feed, and its host when it was queued (to lease it at once). */
export interface FetchJobData {
  feedId: string;
  host?: string | undefined;
}

/** What one fetch job did; a fetched feed's results still have to be stored. */
export type FetchJobOutcome =
  | { kind: 'fetched'; feedId: string; status: string; write: FetchResultWrite }
  | { kind: 'not-due'; feedId: string }
  | { kind: 'deferred'; feedId: string; waitMs: number };

/** Everything a fetch job needs. */
export interface FetchJobContext {
  pool: pg.Pool;
  /** The store's schema (pg-boss's is beside it). */
  schema: string;
  workerId: string;
  leases: HostLeases;
  /** The network fetch; each job wraps it in a polite fetch that holds host leases. */
  fetch: Fetch;
  politeness: PolitenessOptions;
  clock: Clock;
  pollMinutes: number;
  feedOptions: Omit<FetchFeedOptions, 'fetch' | 'clock' | 'outlet' | 'signal'>;
  signal?: AbortSignal;
  /** Where the job's time is added up (prepare, fetch). */
  phases?: PhaseTotals;
}

interface ClaimRow {
  feed: string | null;
  outlet: string | null;
  due: boolean | null;
  running: boolean;
  leased: boolean;
  wait_ms: number | null;
}

/**
 * Runs the fetch job of one feed up to storing: claims it in one statement (the feed is still
 * due, no other live job of it runs, and its host's lease is free: then this worker takes it),
 * gives the job back when the host is held by another worker (so this slot fetches another
 * host meanwhile), else fetches and parses it and returns what to store.
 * @example const outcome = await runFetchJob(context, { feedId, host }, job.id)
 */
export async function runFetchJob(
  context: FetchJobContext,
  data: FetchJobData,
  jobId: string,
): Promise<FetchJobOutcome> {
  const phases = context.phases ?? emptyPhaseTotals();
  const claimed = await timed(phases, 'prepare', () => claim(context, data, jobId));
  if (claimed.kind !== 'ready') return claimed;
  const { feed, outlet, host } = claimed;
  const held = { host: host as string | undefined, signal: context.signal };
  const fetch = politeFetch(context.fetch, context.leases, context.politeness, held);
  const fetched = await timed(phases, 'fetch', () =>
    fetchFeed(feed, {
      ...context.feedOptions,
      fetch,
      clock: context.clock,
      ...(outlet ? { outlet } : {}),
      ...(context.signal ? { signal: context.signal } : {}),
    }).finally(async () => {
      // A lease taken for a request never sent (e.g. the URL was refused) is given back.
      if (held.host !== undefined) await context.leases.release(host);
    }),
  );
  const write = { feed: feedAfterFetch(fetched, context.pollMinutes), articles: fetched.articles };
  return { kind: 'fetched', feedId: data.feedId, status: fetched.status, write };
}

type Claim =
  | { kind: 'ready'; feed: Feed; outlet: Outlet | undefined; host: string }
  | Exclude<FetchJobOutcome, { kind: 'fetched' }>;

/** Reads the feed and takes its host's lease in one round trip (see {@link claimSql}). */
async function claim(context: FetchJobContext, data: FetchJobData, jobId: string): Promise<Claim> {
  const { feedId } = data;
  const now = new Date(context.clock.now()).toISOString();
  const result = await context.pool.query<ClaimRow>(claimSql(context.schema), [
    ...[feedId, jobId, now, data.host ?? '', context.workerId, context.politeness.leaseMs],
  ]);
  const row = result.rows[0];
  if (row?.feed == null || row.due !== true || row.running) return { kind: 'not-due', feedId };
  const feed = FeedSchema.parse(JSON.parse(row.feed));
  const outlet = row.outlet === null ? undefined : OutletSchema.parse(JSON.parse(row.outlet));
  const host = hostKey(feed.url);
  let waitMs = waitBeforeRetry(row.leased, row.wait_ms);
  if (host !== data.host) {
    // Queued without its host, or the feed moved (a permanent redirect): lease the right one.
    if (row.leased) await context.leases.release(data.host ?? '');
    waitMs = await context.leases.tryAcquire(host);
  }
  if (waitMs > 0) return { kind: 'deferred', feedId, waitMs };
  return { kind: 'ready', feed, outlet, host };
}

/**
 * One statement: the feed and its outlet, whether it is still due ($3: now) and whether
 * another live fetch job of it runs (started less than the lease time $6 ago: an older one
 * belongs to a dead worker), and — only when due and not running — the lease of host $4 for
 * worker $5, with the wait before trying again when it is not free.
 */
function claimSql(schema: string): string {
  return `WITH f AS (
      SELECT f.doc AS feed, o.doc AS outlet, (f.next_fetch_at IS NULL OR f.next_fetch_at <= $3) AS due
      FROM feeds f LEFT JOIN outlets o ON o.id = f.outlet_id WHERE f.id = $1),
    running AS (SELECT EXISTS (SELECT 1 FROM ${bossSchema(schema)}.job j
      WHERE j.name = '${QUEUES.fetch}' AND j.singleton_key = $1 AND j.state = 'active'
        AND j.id <> $2::uuid AND j.started_on > now() - $6 * interval '1 millisecond') AS yes),
    taken AS (${leaseUpsertSql(
      `(SELECT $4::text AS host, $5::text AS holder, $6::float8 AS lease_ms
        FROM f, running WHERE f.due AND NOT running.yes AND $4 <> '') s`,
    )})
    SELECT f.feed, f.outlet, f.due, running.yes AS running,
      EXISTS (SELECT 1 FROM taken) AS leased,
      (SELECT ${leaseWaitSql('l')} FROM host_leases l WHERE l.host = $4) AS wait_ms
    FROM running LEFT JOIN f ON true`;
}
