import type pg from 'pg';
import type PgBoss from 'pg-boss';
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
 * {@link anotherFetchRunning} instead.
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
 * Queues a fetch job for every due feed. Only one worker schedules at a time (a transaction
 * advisory lock); pg-boss drops a job whose feed already has one queued.
 * @returns the number of due feeds, or undefined when another worker is scheduling.
 */
export async function queueDueFeeds(
  pool: pg.Pool,
  boss: PgBoss,
  schema: string,
  now: string,
): Promise<number | undefined> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const lock = await client.query<{ ok: boolean }>(
      'SELECT pg_try_advisory_xact_lock(hashtext($1), $2) AS ok',
      [schema, WORKER_LOCKS.scheduler],
    );
    if (lock.rows[0]?.ok !== true) return undefined;
    // Due feeds without a job waiting already (a running one may belong to a dead worker).
    const due = await client.query<{ id: string }>(
      `SELECT f.id FROM feeds f WHERE (f.next_fetch_at IS NULL OR f.next_fetch_at <= $1)
         AND NOT EXISTS (SELECT 1 FROM ${bossSchema(schema)}.job j WHERE j.name = $2
           AND j.singleton_key = f.id AND j.state IN ('created', 'retry'))
       ORDER BY f.id`,
      [now, QUEUES.fetch],
    );
    const jobs = due.rows.map((row) => ({
      name: QUEUES.fetch,
      data: { feedId: row.id },
      singletonKey: row.id,
    }));
    if (jobs.length > 0) await boss.insert(jobs);
    return jobs.length;
  } finally {
    await client.query('COMMIT').catch(() => undefined);
    client.release();
  }
}

/**
 * True when another fetch job of `feedId` started less than `leaseMs` ago and still runs
 * (then this one waits); an older one belongs to a dead worker and is ignored.
 */
export async function anotherFetchRunning(
  pool: pg.Pool,
  schema: string,
  feedId: string,
  jobId: string,
  leaseMs: number,
): Promise<boolean> {
  const result = await pool.query(
    `SELECT 1 FROM ${bossSchema(schema)}.job WHERE name = $1 AND singleton_key = $2
       AND state = 'active' AND id <> $3::uuid
       AND started_on > now() - $4 * interval '1 millisecond' LIMIT 1`,
    [QUEUES.fetch, feedId, jobId, leaseMs],
  );
  return (result.rowCount ?? 0) > 0;
}
