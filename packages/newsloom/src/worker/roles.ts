import { isNewsloomError } from '@newsloom/core';
import type { createLeadership } from './leadership';
import { WORKER_LOCKS } from './leadership';
import { every, messageOf, pause } from './loops';
import type { PhaseTotals } from './phases';
import { QUEUES } from './queues';
import type { WorkerParts } from './run-worker';

/** What one worker has done so far. */
export interface WorkerCounters {
  fetched: number;
  deferred: number;
  notDue: number;
  failed: number;
  clusterPasses: number;
  /** Slot-milliseconds the fetch slots spent in each phase (rounded in the heartbeat). */
  fetchPhaseMs: PhaseTotals;
}

/**
 * How far the clusterer is behind: the store's latest ingest sequence minus the watermark of
 * the pipeline state (two small reads, never the state's snapshot).
 * @example const { lag } = await clusterLag(store)
 */
export async function clusterLag(
  store: WorkerParts['store'],
): Promise<{ latest: number; watermark: number; lag: number; revision: number | undefined }> {
  const [latest, head] = await Promise.all([store.latestSequence(), store.readPipelineRevision()]);
  const watermark = head?.watermark ?? 0;
  return { latest, watermark, lag: latest - watermark, revision: head?.revision };
}

/**
 * The clusterer role: tries to take the clusterer lock every `takeoverEveryMs`; while it
 * leads, runs the pipeline's cluster stage whenever articles arrived (it reads them after the
 * watermark of the state in the store, in ingest order, and commits stories and state in one
 * transaction), and queues a summarize job when stories changed.
 */
export async function clusterLoop(
  parts: WorkerParts,
  lead: typeof createLeadership,
): Promise<void> {
  const { options: o, stop } = parts;
  const leadership = await lead(parts.connectionString, parts.schema, WORKER_LOCKS.clusterer);
  let announced = false;
  try {
    while (!stop.aborted) {
      if (!(await leadership.tryLead())) {
        await pause(o.takeoverEveryMs, stop);
        continue;
      }
      if (!announced) o.log('clusterer: leading');
      announced = true;
      const ran = await clusterPass(parts).catch((error: unknown) => {
        if (!isNewsloomError(error, 'ABORTED')) o.log(`cluster: ${messageOf(error)}`);
        return false;
      });
      if (!ran) await pause(o.clusterEveryMs, stop);
    }
  } finally {
    await leadership.close();
  }
}

async function clusterPass(parts: WorkerParts): Promise<boolean> {
  const { options: o, store, pipeline, boss } = parts;
  const before = await clusterLag(store);
  if (before.lag <= 0) return false;
  o.log(`cluster: start lag=${before.lag} revision=${before.revision ?? 'none'}`);
  const started = Date.now();
  const result = await pipeline.cluster();
  parts.counters.clusterPasses += 1;
  const ms = Date.now() - started;
  o.log(
    `cluster: committed ${result.newArticles} articles in ${ms} ms ` +
      `(${Math.round((result.newArticles * 1000) / Math.max(ms, 1))}/s), ` +
      `${result.touchedStoryIds.length} stories changed`,
  );
  if (result.touchedStoryIds.length > 0 && o.roles.summarize) {
    await boss.send(QUEUES.summarize, {}, { singletonKey: 'summarize' });
  }
  return true;
}

/** Writes this worker's heartbeat row every 5 s (shown by `newsloom worker --status`). */
export function heartbeat(parts: WorkerParts): Promise<void> {
  const { options: o, pool, stop, counters } = parts;
  const roles = Object.entries(o.roles)
    .filter(([, on]) => on)
    .map(([name]) => name)
    .join(',');
  return every(
    5000,
    () =>
      pool.query(
        `INSERT INTO worker_heartbeats (worker_id, role, detail, seen_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (worker_id) DO UPDATE SET role = excluded.role, detail = excluded.detail,
           seen_at = now()`,
        [o.workerId, roles, JSON.stringify(counters)],
      ),
    stop,
    o.log,
    'heartbeat',
  );
}
