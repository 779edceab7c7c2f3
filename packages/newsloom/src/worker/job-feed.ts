import type PgBoss from 'pg-boss';
import { messageOf, pause } from './loops';
import { type PhaseTotals, timed } from './phases';

/** Options of {@link createJobFeed}. */
export interface JobFeedOptions {
  boss: PgBoss;
  queue: string;
  /** Jobs taken ahead of the slots (one query takes them all). */
  ahead: number;
  /** Pause before asking again after the queue was found empty. */
  idleMs: number;
  stop: AbortSignal;
  log: (line: string) => void;
  phases: PhaseTotals;
}

/**
 * Hands jobs of one queue to a worker's slots, taking them from pg-boss a few at a time
 * (`ahead`) in one query, so a slot rarely waits for a query of its own and the queue is asked
 * once per several jobs instead of once per job. Jobs taken but not started when `stop`
 * aborts are given back (failed, so pg-boss retries them shortly, on any worker).
 * @example const job = await jobs.next() // undefined: none now, or stopping
 */
export function createJobFeed<T extends object>(options: JobFeedOptions) {
  const { boss, queue, ahead, idleMs, stop, log, phases } = options;
  const buffer: PgBoss.Job<T>[] = [];
  let taking: Promise<void> | undefined;
  let emptyUntil = 0;

  const take = () => {
    taking ??= (async () => {
      try {
        const jobs = await boss.fetch<T>(queue, { batchSize: Math.max(1, ahead - buffer.length) });
        buffer.push(...jobs);
        if (jobs.length === 0) emptyUntil = performance.now() + idleMs;
      } catch (error) {
        log(`${queue}: cannot take jobs: ${messageOf(error)}`);
        emptyUntil = performance.now() + 1000;
      }
    })().finally(() => {
      taking = undefined;
    });
    return taking;
  };

  return {
    /** The next job, or undefined when there is none now (after a pause) or when stopping. */
    async next(): Promise<PgBoss.Job<T> | undefined> {
      while (!stop.aborted) {
        // Refill early (half empty), in the background, unless the queue was just empty.
        const ready = performance.now() >= emptyUntil;
        if (ready && buffer.length <= ahead / 2) void take();
        const job = buffer.shift();
        if (job !== undefined) return job;
        const pending = taking;
        if (pending !== undefined) await timed(phases, 'take', () => pending);
        else {
          const wait = Math.max(1, emptyUntil - performance.now());
          await timed(phases, 'idle', () => pause(wait, stop));
          return undefined;
        }
      }
      return undefined;
    },
    /** Gives back the jobs taken but not started. */
    async giveBack(): Promise<void> {
      await taking;
      const ids = buffer.splice(0).map((job) => job.id);
      if (ids.length > 0) await boss.fail(queue, ids).catch(() => undefined);
    },
  };
}
