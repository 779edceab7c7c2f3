import pg from 'pg';

/** Advisory lock ids of a store schema (the first key is `hashtext(schema)`). */
export const WORKER_LOCKS = { clusterer: 4, scheduler: 5, setup: 6 } as const;

/**
 * Leadership of one role (e.g. the clusterer) through a session-level advisory lock on a
 * dedicated connection: exactly one process holds it; when that process dies its connection
 * closes, the server releases the lock, and the next `tryLead` of another process wins.
 * @example const lead = await createLeadership(url, 'newsloom', WORKER_LOCKS.clusterer)
 */
export async function createLeadership(connectionString: string, schema: string, lock: number) {
  const client = new pg.Client({ connectionString, application_name: 'newsloom leader' });
  let lost: Error | undefined;
  client.on('error', (error) => {
    lost = error;
  });
  await client.connect();
  let leading = false;
  return {
    /** True when this process leads (now or after taking the lock just now). */
    async tryLead(): Promise<boolean> {
      if (lost !== undefined) throw lost;
      if (leading) return true;
      const result = await client.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1), $2) AS ok',
        [schema, lock],
      );
      leading = result.rows[0]?.ok === true;
      return leading;
    },
    get leading(): boolean {
      return leading && lost === undefined;
    },
    /** Gives up the lead (closing the connection releases the lock). */
    async close(): Promise<void> {
      leading = false;
      await client.end().catch(() => undefined);
    },
  };
}

/**
 * Runs `work` while holding a session advisory lock (on its own connection), so that workers
 * starting together set up pg-boss and its queues one after another (creating queue
 * partitions at once deadlocks).
 * @example await whileLocked(url, 'newsloom', WORKER_LOCKS.setup, () => boss.start())
 */
export async function whileLocked<T>(
  connectionString: string,
  schema: string,
  lock: number,
  work: () => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString, application_name: 'newsloom setup' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1), $2)', [schema, lock]);
    return await work();
  } finally {
    await client.end().catch(() => undefined);
  }
}
