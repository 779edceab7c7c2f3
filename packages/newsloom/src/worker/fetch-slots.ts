import { systemClock } from '@newsloom/core';
import { type FetchJobData, type FetchJobOutcome, runFetchJob } from './fetch-job';
import { createFetchWriter, type FetchWriter } from './fetch-writer';
import { createHostLeases } from './host-leases';
import { createJobFeed } from './job-feed';
import { messageOf } from './loops';
import { timed } from './phases';
import { QUEUES } from './queues';
import type { WorkerParts } from './run-worker';

/**
 * The fetch role: `concurrency` slots, each running one fetch job at a time to the end. Jobs
 * come from a shared {@link createJobFeed} (a few taken ahead per query), and the results of
 * jobs that finish together are stored and completed in one transaction
 * ({@link createFetchWriter}). On stop, the jobs in hand are finished and the ones taken ahead
 * are given back.
 * @example await Promise.all(fetchSlots(parts))
 */
export function fetchSlots(parts: WorkerParts): Promise<void> {
  const { options: o, boss, stop, counters } = parts;
  const phases = counters.fetchPhaseMs;
  const jobs = createJobFeed<FetchJobData>({
    ...{ boss, queue: QUEUES.fetch, ahead: Math.max(2, Math.ceil(o.concurrency / 2)) },
    ...{ idleMs: 200, stop, log: o.log, phases },
  });
  const writer = createFetchWriter({ pool: parts.pool, schema: parts.schema, queue: QUEUES.fetch });
  const run = jobRunner(parts, writer);
  const slot = async () => {
    while (!stop.aborted) {
      const job = await jobs.next();
      if (job === undefined) continue;
      try {
        await run(job.data, job.id);
      } catch (error) {
        counters.failed += 1;
        o.log(`fetch: job ${job.id} failed: ${messageOf(error)}`);
        await boss.fail(QUEUES.fetch, job.id, { message: messageOf(error) }).catch(() => undefined);
      }
    }
  };
  const slots = Array.from({ length: o.concurrency }, slot);
  return Promise.all(slots).then(() => jobs.giveBack());
}

/** Runs one fetch job and hands its results to the writer, which completes it. */
function jobRunner(parts: WorkerParts, writer: FetchWriter) {
  const { options: o, pool, boss, counters } = parts;
  const phases = counters.fetchPhaseMs;
  const politeness = { hostIntervalMs: o.hostIntervalMs, leaseMs: o.leaseMs };
  const context = {
    ...{ pool, schema: parts.schema, workerId: o.workerId, politeness, phases },
    leases: createHostLeases(pool, o.workerId, politeness),
    fetch: o.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    clock: o.clock ?? systemClock,
    pollMinutes: o.pollMinutes,
    // No stop signal: a job in hand when the worker stops is finished (graceful shutdown).
    feedOptions: o.feeds,
  } satisfies Parameters<typeof runFetchJob>[0];
  return async (data: FetchJobData, jobId: string): Promise<FetchJobOutcome> => {
    const outcome = await runFetchJob(context, data, jobId);
    if (outcome.kind === 'deferred') {
      counters.deferred += 1;
      const startAfter = new Date(Date.now() + outcome.waitMs);
      await timed(phases, 'finish', () =>
        boss.send(QUEUES.fetch, data, { singletonKey: data.feedId, startAfter }),
      );
    } else if (outcome.kind === 'not-due') counters.notDue += 1;
    const write = outcome.kind === 'fetched' ? outcome.write : undefined;
    const counts = await timed(phases, 'store', () =>
      writer.finish({ jobId, ...(write ? { write } : {}) }),
    );
    if (outcome.kind === 'fetched') {
      counters.fetched += 1;
      o.log(`fetched ${outcome.feedId} ${outcome.status} +${counts.inserted}`);
    }
    return outcome;
  };
}
