import type pg from 'pg';
import type PgBoss from 'pg-boss';
import type { FetchJobData } from './fetch-job';
import { hostKey } from './host-leases';
import { WORKER_LOCKS } from './leadership';

/** The pg-boss queues of a deployment. */
export const QUEUES = { fetch: 'fetch', summarize: 'summarize', edition: 'edition' } as const;

/** The pg-boss schema beside a store schema. */
export function bossSchema(schema: string): string {
  return `${schema}_boss`;
}

/**
 * Creates the queues (idempotent). Standard policy: pg-boss's `stately` policy would block the
 * whole queue behind one feed whose previous job is still active (e.g. held by a killed
 * worker until it expires), so duplicates are kept out by {@link queueDueFeeds} and
 * the claim of each fetch job (`runFetchJob`) instead.
 */
export async function createQueues(boss: PgBoss, jobExpireSeconds: number): Promise<void> {
  for (const name of Object.values(QUEUES)) {
    await boss.createQueue(name, {
      name,
      policy: 'standard',
      retryLimit: 3,
      retryDelay: 5,
      expireInSeconds: jobExpireSeconds,
    });
  }
}

/**
 * Queues a fetch job for every due feed that has none waiting or running (a job running for
 * longer than `leaseMs` belongs to a dead worker and does not count), with the feed's host so
 * the job can lease it at once. Only one worker schedules at a time (a transaction advisory
 * lock).
 * @returns the number of jobs queued, or undefined when another worker is scheduling.
 */
export async function queueDueFeeds(
  pool: pg.Pool,
  boss: PgBoss,
  schema: string,
  now: string,
  leaseMs: number,
): Promise<number | undefined> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const lock = await client.query<{ ok: boolean }>(
      'SELECT pg_try_advisory_xact_lock(hashtext($1), $2) AS ok',
      [schema, WORKER_LOCKS.scheduler],
    );
    if (lock.rows[0]?.ok !== true) return undefined;
    const due = await client.query<{ id: string; url: string }>(
      `SELECT f.id, f.url FROM feeds f WHERE (f.next_fetch_at IS NULL OR f.next_fetch_at <= $1)
         AND NOT EXISTS (SELECT 1 FROM ${bossSchema(schema)}.job j WHERE j.name = $2
           AND j.singleton_key = f.id AND (j.state IN ('created', 'retry')
             OR (j.state = 'active' AND j.started_on > now() - $3 * interval '1 millisecond')))
       ORDER BY f.id`,
      [now, QUEUES.fetch, leaseMs],
    );
    const jobs = due.rows.map((row) => ({
      name: QUEUES.fetch,
      data: { feedId: row.id, host: hostOf(row.url) } satisfies FetchJobData,
      singletonKey: row.id,
    }));
    if (jobs.length > 0) await boss.insert(jobs);
    return jobs.length;
  } finally {
    await client.query('COMMIT').catch(() => undefined);
    client.release();
  }
}

/** The feed's host key, or undefined for a URL that does not parse (the job reports it). */
function hostOf(url: string): string | undefined {
  try {
    return hostKey(url);
  } catch {
    return undefined;
  }
}
