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
 * Creates the queues (idempotent). `stately`: at most one queued and one running job per
 * singleton key, i.e. per feed for fetch jobs and one each for summarize and edition.
 */
export async function createQueues(boss: PgBoss, jobExpireSeconds: number): Promise<void> {
  for (const name of Object.values(QUEUES)) {
    await boss.createQueue(name, {
      name,
      policy: 'stately',
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
    const due = await client.query<{ id: string }>(
      'SELECT id FROM feeds WHERE next_fetch_at IS NULL OR next_fetch_at <= $1 ORDER BY id',
      [now],
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
