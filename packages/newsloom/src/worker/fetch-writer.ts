import type { UpsertCounts } from '@newsloom/core';
import { commitFetchResults, type FetchResultWrite } from '@newsloom/store-postgres';
import pg from 'pg';
import { bossSchema } from './queues';

/** One finished fetch job: its results to store (none when it fetched nothing) and its id. */
export interface FinishedJob {
  jobId: string;
  write?: FetchResultWrite;
}

/** Options of {@link createFetchWriter}. */
export interface FetchWriterOptions {
  pool: pg.Pool;
  schema: string;
  queue: string;
  /** Most jobs in one transaction. Default: 64. */
  maxJobs?: number;
}

const NOTHING: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };

/**
 * Group commit of the fetch slots of one worker: while one transaction is being written, the
 * jobs that finish meanwhile wait and then go together in the next one — their articles, their
 * feeds' next fetch times and the completion of their jobs in pg-boss, all committed at once
 * (a job is complete exactly when its results are stored). Under light load each job is its
 * own transaction; under heavy load, batches grow and round trips and commits per job shrink.
 * A batch that fails is retried job by job, so one bad feed fails only its own job.
 * @example const counts = await writer.finish({ jobId: job.id, write: { feed, articles } })
 */
export function createFetchWriter(options: FetchWriterOptions) {
  const { pool, schema, queue } = options;
  const maxJobs = options.maxJobs ?? 64;
  type Waiting = FinishedJob & {
    resolve: (counts: UpsertCounts) => void;
    reject: (error: unknown) => void;
  };
  const waiting: Waiting[] = [];
  let busy = false;

  async function commit(batch: readonly Waiting[]): Promise<UpsertCounts[]> {
    const writes = batch.flatMap((job) => (job.write ? [job.write] : []));
    const ids = batch.map((job) => job.jobId);
    const counts = await commitFetchResults(pool, schema, writes, completeSql(schema, queue, ids));
    let next = 0;
    return batch.map((job) => (job.write ? (counts[next++] ?? NOTHING) : NOTHING));
  }

  async function write(batch: Waiting[]): Promise<void> {
    try {
      const counts = await commit(batch);
      batch.forEach((job, i) => {
        job.resolve(counts[i] ?? NOTHING);
      });
    } catch (error) {
      if (batch.length === 1) batch[0]?.reject(error);
      else for (const job of batch) await write([job]);
    }
  }

  async function drain(): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      while (waiting.length > 0) await write(waiting.splice(0, maxJobs));
    } finally {
      busy = false;
    }
  }

  return {
    /** Stores the job's results and completes it; resolves when committed. */
    finish(job: FinishedJob): Promise<UpsertCounts> {
      return new Promise((resolve, reject) => {
        waiting.push({ ...job, resolve, reject });
        void drain();
      });
    },
  };
}

/** The fetch writer of one worker. */
export type FetchWriter = ReturnType<typeof createFetchWriter>;

/**
 * Completes jobs `ids` of `queue` as pg-boss 10's own `complete` does (state, completion time),
 * as SQL text that goes in the same round trip as the commit of their results.
 */
function completeSql(schema: string, queue: string, ids: readonly string[]): string {
  return `UPDATE ${bossSchema(schema)}.job SET completed_on = now(), state = 'completed'
    WHERE name = ${pg.escapeLiteral(queue)} AND state = 'active'
      AND id = ANY (ARRAY(SELECT json_array_elements_text(${pg.escapeLiteral(JSON.stringify(ids))}::json))::uuid[])`;
}
