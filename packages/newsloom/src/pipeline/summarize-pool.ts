import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  ERROR_CODES,
  NewsloomError,
  type NewsloomErrorCode,
  type Outlet,
  type StorySummary,
} from '@newsloom/core';
import type { SummarizeOptions } from '@newsloom/summarize';
import { extractiveSummary, type SummaryJob } from './extractive';

/** Summarises jobs, answering in the order given. */
export interface SummaryRunner {
  run(jobs: readonly SummaryJob[]): Promise<StorySummary[]>;
  close(): Promise<void>;
}

/** Jobs in one message to a worker: large enough to amortise the copy, small enough to balance. */
const BATCH = 16;

/**
 * Summarises in this thread, one job after another.
 * @example const runner = inThreadRunner(options, outlets)
 */
export function inThreadRunner(
  options: SummarizeOptions,
  outlets: readonly Outlet[],
): SummaryRunner {
  return {
    run: async (jobs) => jobs.map((job) => extractiveSummary(job, options, outlets)),
    close: async () => {},
  };
}

/**
 * The threads a large run uses by default: the machine's cores, at most 4 (the summariser is
 * CPU-bound; more threads than cores only add copies).
 * @example defaultThreads() // 2 on a 2-core machine
 */
export function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

interface Batch {
  jobs: readonly SummaryJob[];
  resolve: (summaries: StorySummary[]) => void;
  reject: (error: Error) => void;
}

/**
 * Batches a worker holds at once: one at work, the rest queued, so that it does not wait on this
 * thread. This thread reads and writes the store synchronously (SQLite) for a few hundred ms per
 * window; six batches of 16 stories (~1.5–2 ms each) cover that, and still leave little to wait
 * for at the end of a run.
 */
const IN_FLIGHT = 6;

/**
 * A pool of `threads` worker threads, each running `summarize-worker`. Batches of jobs go to
 * whichever worker has room; answers are put back in the order of the jobs, so the result is
 * byte-identical to {@link inThreadRunner} (the summariser is a pure function of its inputs).
 * @example const pool = createSummaryPool(2, options, outlets); await pool.run(jobs); await pool.close()
 */
export function createSummaryPool(
  threads: number,
  options: SummarizeOptions,
  outlets: readonly Outlet[],
): SummaryRunner {
  const queue: Batch[] = [];
  const slots = Array.from({ length: threads }, () => ({
    worker: startWorker({ options, outlets }),
    held: new Map<number, Batch>(),
  }));
  let nextId = 0;
  let failure: Error | undefined;
  let closing = false;
  const fail = (error: Error) => {
    failure ??= error;
    for (const slot of slots) for (const batch of slot.held.values()) batch.reject(error);
    for (const batch of queue.splice(0)) batch.reject(error);
  };
  const pump = () => {
    for (const slot of slots) {
      while (slot.held.size < IN_FLIGHT && queue.length > 0) {
        const batch = queue.shift() as Batch;
        const id = nextId++;
        slot.held.set(id, batch);
        slot.worker.postMessage({ batch: id, jobs: batch.jobs });
      }
    }
  };
  for (const slot of slots) {
    slot.worker.on('message', (message: WorkerAnswer) => {
      const batch = slot.held.get(message.batch);
      slot.held.delete(message.batch);
      if (message.error) batch?.reject(rebuildError(message.error));
      else batch?.resolve(message.summaries ?? []);
      pump();
    });
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (!closing)
        fail(new NewsloomError('INTERNAL', `a summarise worker stopped (exit code ${code})`));
    });
  }
  function submit(jobs: readonly SummaryJob[]): Promise<StorySummary[]> {
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => queue.push({ jobs, resolve, reject }));
  }
  return {
    async run(jobs) {
      const answers: Promise<StorySummary[]>[] = [];
      for (let start = 0; start < jobs.length; start += BATCH) {
        answers.push(submit(jobs.slice(start, start + BATCH)));
      }
      pump();
      return (await Promise.all(answers)).flat();
    },
    close: async () => {
      closing = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

interface WorkerAnswer {
  batch: number;
  summaries?: StorySummary[];
  error?: { message: string; stack?: string; code?: unknown };
}

function rebuildError(error: NonNullable<WorkerAnswer['error']>): Error {
  const code = ERROR_CODES.includes(error.code as NewsloomErrorCode)
    ? (error.code as NewsloomErrorCode)
    : 'INTERNAL';
  const rebuilt = new NewsloomError(code, `${error.message} (in a summarise worker)`);
  if (error.stack !== undefined) rebuilt.stack = error.stack;
  return rebuilt;
}

/**
 * Starts one worker. Built (`.js`), the worker is a module beside this one. From the sources
 * (`.ts`, tests and the repository's bin), the worker registers what the bin registers — the
 * workspace's source condition and tsx — before importing the TypeScript worker.
 */
function startWorker(workerData: { options: SummarizeOptions; outlets: readonly Outlet[] }) {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(`./summarize-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return new Worker(url, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `
    const { register } = require('node:module');
    register('data:text/javascript,export function resolve(s,c,n){return n(s,{...c,conditions:[...c.conditions,"@newsloom/source"]})}');
    import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
