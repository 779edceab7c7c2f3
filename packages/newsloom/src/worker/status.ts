import {
  DEFAULT_POSTGRES_SCHEMA,
  openPostgresStore,
  splitPostgresUrl,
} from '@newsloom/store-postgres';
import pg from 'pg';
import { WORKER_LOCKS } from './leadership';
import { bossSchema } from './queues';
import { clusterLag } from './roles';

/** `newsloom worker --status`: queues, host leases, workers and clusterer lag. */
export interface WorkerStatus {
  /** Jobs per queue and state (created, retry, active, completed, failed…). */
  queues: Record<string, Record<string, number>>;
  /** Hosts leased right now: who holds them and until when. */
  leases: { host: string; holder: string; leasedUntil: string }[];
  /** Workers seen in the last 30 s, with their roles and counters. */
  workers: { workerId: string; roles: string; seenAt: string; detail: unknown }[];
  /** The backend pid holding the clusterer lock, if any. */
  clustererPid: number | undefined;
  /** latestSequence − watermark. */
  lag: { latest: number; watermark: number; lag: number; revision: number | undefined };
}

/**
 * Reads the health of a worker deployment from its database.
 * @example const status = await workerStatus('postgres://postgres@db/news')
 */
export async function workerStatus(url: string): Promise<WorkerStatus> {
  const { connectionString, schema: fromUrl } = splitPostgresUrl(url);
  const schema = fromUrl ?? DEFAULT_POSTGRES_SCHEMA;
  const store = await openPostgresStore({ url, pool: { max: 1 } });
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return {
      queues: await queueCounts(client, bossSchema(schema)),
      leases: (
        await client.query<{ host: string; holder: string; until: Date }>(
          `SELECT host, holder, leased_until AS until FROM ${schema}.host_leases
           WHERE holder IS NOT NULL AND leased_until > now() ORDER BY host`,
        )
      ).rows.map((r) => ({ host: r.host, holder: r.holder, leasedUntil: r.until.toISOString() })),
      workers: (
        await client.query<{ worker_id: string; role: string; seen_at: Date; detail: string }>(
          `SELECT worker_id, role, seen_at, detail FROM ${schema}.worker_heartbeats
           WHERE seen_at > now() - interval '30 seconds' ORDER BY worker_id`,
        )
      ).rows.map((r) => ({
        workerId: r.worker_id,
        roles: r.role,
        seenAt: r.seen_at.toISOString(),
        detail: JSON.parse(r.detail) as unknown,
      })),
      clustererPid: await clustererPid(client, schema),
      lag: await clusterLag(store),
    };
  } finally {
    await client.end();
    await store.close();
  }
}

async function queueCounts(client: pg.Client, boss: string) {
  const exists = await client.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [
    `${boss}.job`,
  ]);
  const counts: Record<string, Record<string, number>> = {};
  if (exists.rows[0]?.t == null) return counts;
  const rows = await client.query<{ name: string; state: string; n: string }>(
    `SELECT name, state::text AS state, count(*) AS n FROM ${boss}.job
     WHERE name NOT LIKE '\\_\\_%' GROUP BY name, state ORDER BY name, state`,
  );
  for (const row of rows.rows) {
    counts[row.name] = { ...counts[row.name], [row.state]: Number(row.n) };
  }
  return counts;
}

async function clustererPid(client: pg.Client, schema: string): Promise<number | undefined> {
  const result = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted
       AND classid = hashtext($1)::oid AND objid = $2::oid AND objsubid = 2`,
    [schema, WORKER_LOCKS.clusterer],
  );
  return result.rows[0]?.pid;
}
