// A worker thread of the summarise pool (`summarize-pool.ts`): receives batches of jobs,
// answers with their extractive summaries in the same order. Pure: no store, clock or network.
import { parentPort, workerData } from 'node:worker_threads';
import type { Outlet } from '@newsloom/core';
import type { SummarizeOptions } from '@newsloom/summarize';
import { extractiveSummary, type SummaryJob } from './extractive';

interface Setup {
  options: SummarizeOptions;
  outlets: Outlet[];
}

const { options, outlets } = workerData as Setup;
const port = parentPort;
if (port === null) throw new Error('summarize-worker runs only as a worker thread');
port.on('message', ({ batch, jobs }: { batch: number; jobs: SummaryJob[] }) => {
  try {
    port.postMessage({
      batch,
      summaries: jobs.map((job) => extractiveSummary(job, options, outlets)),
    });
  } catch (thrown) {
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    const code = (error as { code?: unknown }).code;
    port.postMessage({ batch, error: { message: error.message, stack: error.stack, code } });
  }
});
