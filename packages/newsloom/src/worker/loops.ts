import { setTimeout as sleep } from 'node:timers/promises';
import type PgBoss from 'pg-boss';

/** Waits `ms`, or less when `signal` aborts (never throws). */
export async function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  await sleep(ms, undefined, { signal }).catch(() => undefined);
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One job slot: takes one job of `queue` at a time from pg-boss, runs it to the end, completes
 * or fails it, until `stop` aborts. A job in hand when `stop` aborts is finished first
 * (graceful shutdown); a killed process's job expires and is retried by another worker.
 */
export async function jobSlot<T extends object>(
  boss: PgBoss,
  queue: string,
  handle: (data: T, jobId: string) => Promise<object | undefined>,
  stop: AbortSignal,
  log: (line: string) => void,
  idleMs = 200,
): Promise<void> {
  while (!stop.aborted) {
    let job: PgBoss.Job<T> | undefined;
    try {
      [job] = await boss.fetch<T>(queue, { batchSize: 1 });
    } catch (error) {
      log(`${queue}: cannot take a job: ${messageOf(error)}`);
      await pause(1000, stop);
      continue;
    }
    if (job === undefined) {
      await pause(idleMs, stop);
      continue;
    }
    try {
      const output = await handle(job.data, job.id);
      await boss.complete(queue, job.id, output ?? {});
    } catch (error) {
      log(`${queue}: job ${job.id} failed: ${messageOf(error)}`);
      await boss.fail(queue, job.id, { message: messageOf(error) }).catch(() => undefined);
    }
  }
}

/** Runs `tick` every `everyMs` until `stop` aborts; an error is logged and the loop goes on. */
export async function every(
  everyMs: number,
  tick: () => Promise<unknown>,
  stop: AbortSignal,
  log: (line: string) => void,
  name: string,
): Promise<void> {
  while (!stop.aborted) {
    try {
      await tick();
    } catch (error) {
      if (stop.aborted) return;
      log(`${name}: ${messageOf(error)}`);
    }
    await pause(everyMs, stop);
  }
}
