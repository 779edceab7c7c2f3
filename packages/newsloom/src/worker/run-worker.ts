import { hostname } from 'node:os';
import { NewsloomError, systemClock } from '@newsloom/core';
import type { NewsloomStore } from '@newsloom/store';
import {
  DEFAULT_POSTGRES_SCHEMA,
  isPostgresUrl,
  openPostgresStore,
  splitPostgresUrl,
} from '@newsloom/store-postgres';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { createPipeline, type Pipeline } from '../pipeline/create-pipeline';
import { fetchSlots } from './fetch-slots';
import { createLeadership, WORKER_LOCKS, whileLocked } from './leadership';
import { every, jobSlot } from './loops';
import { emptyPhaseTotals } from './phases';
import { bossSchema, createQueues, QUEUES, queueDueFeeds } from './queues';
import { clusterLoop, heartbeat, type WorkerCounters } from './roles';
import {
  type ResolvedWorkerOptions,
  resolveWorkerOptions,
  type WorkerOptions,
} from './worker-options';

/** What a worker did before it stopped. */
export interface WorkerSummary extends WorkerCounters {
  workerId: string;
}

/** The open resources of a worker. */
export interface WorkerParts {
  options: ResolvedWorkerOptions;
  schema: string;
  connectionString: string;
  store: NewsloomStore;
  pool: pg.Pool;
  boss: PgBoss;
  pipeline: Pipeline;
  stop: AbortSignal;
  counters: WorkerCounters;
}

/**
 * Runs one `newsloom worker` process until `options.signal` aborts: fetch jobs (one per due
 * feed, with cluster-wide per-host politeness), the clusterer when this process holds the
 * clusterer lock (another process takes over when it dies), summarize jobs and scheduled
 * edition builds — all through PostgreSQL: the store and pg-boss in the same database.
 * On abort it finishes the jobs in hand, gives up the clusterer lock and closes everything.
 *
 * @example
 * const stop = new AbortController()
 * process.once('SIGTERM', () => stop.abort())
 * await runWorker({ url: 'postgres://postgres@db:5432/news', concurrency: 8, signal: stop.signal })
 * @throws {NewsloomError} `CONFIG_ERROR` for a URL that is not postgres://, `STORE_*` when the
 *   database cannot be opened.
 */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const parts = await openWorker(options);
  const { options: o, boss, stop, counters } = parts;
  const log = o.log;
  log(`worker ${o.workerId}: ready`);
  const tasks: Promise<unknown>[] = [heartbeat(parts)];
  if (o.roles.fetch) {
    tasks.push(fetchSlots(parts));
    tasks.push(every(o.scheduleEveryMs, () => scheduleTick(parts), stop, log, 'schedule'));
  }
  if (o.roles.cluster) tasks.push(clusterLoop(parts, createLeadership));
  if (o.roles.summarize) {
    tasks.push(jobSlot(boss, QUEUES.summarize, () => summarizeJob(parts), stop, log, 500));
  }
  if (o.roles.edition) {
    await boss.schedule(QUEUES.edition, o.editionCron, {}, { singletonKey: 'edition' });
    tasks.push(jobSlot(boss, QUEUES.edition, () => editionJob(parts), stop, log, 1000));
  }
  try {
    await Promise.all(tasks);
  } finally {
    await closeWorker(parts);
  }
  return { workerId: o.workerId, ...counters };
}

/**
 * Asynchronous commit for the fetch path and the queue: they do not wait for each commit's
 * disk flush. A crash of the database may lose its last fraction of a second of commits, but a
 * fetch job's completion commits with its results, so a lost result is a lost completion and
 * the job runs again; a lost queue change is a job taken or queued again. The clusterer's
 * commits (the store's pool) stay synchronous and flush everything it read before them.
 */
const ASYNC_COMMIT = '-c synchronous_commit=off';

async function openWorker(options: WorkerOptions): Promise<WorkerParts> {
  if (!isPostgresUrl(options.url)) {
    throw new NewsloomError(
      'CONFIG_ERROR',
      'newsloom worker needs a PostgreSQL store: give --db postgres://… or set "store" in ' +
        'newsloom.config.json (several workers cannot share a SQLite file)',
    );
  }
  const o = resolveWorkerOptions(options, `${hostname()}:${process.pid}`);
  const { connectionString, schema: fromUrl } = splitPostgresUrl(o.url);
  const schema = fromUrl ?? DEFAULT_POSTGRES_SCHEMA;
  // The fetch slots use `pool` (claims, leases, group commits); the store serves the other roles.
  const store = await openPostgresStore({ url: o.url, pool: { max: 4 } });
  const pool = new pg.Pool({
    connectionString,
    max: o.concurrency + 2,
    options: `-c search_path=${schema} ${ASYNC_COMMIT}`,
  });
  pool.on('error', () => undefined);
  const boss = new PgBoss({
    connectionString,
    schema: bossSchema(schema),
    max: 3,
    maintenanceIntervalSeconds: o.maintenanceSeconds,
    schedule: o.roles.edition,
    // pg-boss hands its options to its pg.Pool.
    ...({ options: ASYNC_COMMIT } as object),
  });
  boss.on('error', (error) => o.log(`pg-boss: ${error.message}`));
  await whileLocked(connectionString, schema, WORKER_LOCKS.setup, async () => {
    await boss.start();
    await createQueues(boss, o.jobExpireSeconds);
  });
  const controller = new AbortController();
  if (o.signal?.aborted) controller.abort();
  o.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const pipeline = createPipeline({
    store,
    clock: o.clock ?? systemClock,
    pollMinutes: o.pollMinutes,
    feeds: o.feeds,
    ...(o.fetch ? { fetch: o.fetch } : {}),
    signal: controller.signal,
  });
  const counters = {
    ...{ fetched: 0, deferred: 0, notDue: 0, failed: 0, clusterPasses: 0 },
    fetchPhaseMs: emptyPhaseTotals(),
  };
  return {
    options: o,
    schema,
    connectionString,
    store,
    pool,
    boss,
    pipeline,
    stop: controller.signal,
    counters,
  };
}

async function closeWorker(parts: WorkerParts): Promise<void> {
  await parts.pool
    .query('DELETE FROM worker_heartbeats WHERE worker_id = $1', [parts.options.workerId])
    .catch(() => undefined);
  await parts.boss.stop({ graceful: true, wait: true, timeout: 10_000 }).catch(() => undefined);
  await parts.store.close().catch(() => undefined);
  await parts.pool.end().catch(() => undefined);
}

async function scheduleTick(parts: WorkerParts): Promise<void> {
  const now = (parts.options.clock ?? systemClock).now();
  const at = new Date(now).toISOString();
  await queueDueFeeds(parts.pool, parts.boss, parts.schema, at, parts.options.leaseMs);
}

async function summarizeJob(parts: WorkerParts): Promise<object> {
  const result = await parts.pipeline.summarize();
  parts.options.log(`summarized ${result.summarized} stories (${result.unchanged} unchanged)`);
  return { summarized: result.summarized, unchanged: result.unchanged };
}

async function editionJob(parts: WorkerParts): Promise<object> {
  const edition = await parts.pipeline.edition();
  parts.options.log(`edition ${edition.generatedAt}: ${edition.stories.length} stories`);
  return { stories: edition.stories.length, generatedAt: edition.generatedAt };
}
