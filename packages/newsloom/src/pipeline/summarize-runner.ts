import {
  type Diagnostic,
  NewsloomError,
  type Outlet,
  type StorySummary,
  type Summarizer,
} from '@newsloom/core';
import { summarizeWithModel } from '@newsloom/summarize';
import { type PipelineContext, throwIfAborted } from './context';
import { extractiveSummary, type SummaryJob, withExternalResources } from './extractive';
import { createSummaryPool, inThreadRunner, type SummaryRunner } from './summarize-pool';

/** Member articles in a window of the summarise stage: what a worker run is sized by. */
export const WINDOW_ARTICLES = 4000;
/** Below this many member articles a run stays in this thread (workers take ~0.1–1 s to start). */
const POOL_MIN_ARTICLES = 3000;

/** The model's summary, or the extractive one (with a diagnostic) when the model fails. */
async function withModel(
  context: PipelineContext,
  summarizer: Summarizer,
  job: SummaryJob,
  outlets: readonly Outlet[],
  diagnostics: Diagnostic[],
): Promise<StorySummary> {
  const { story, articles } = job;
  // The previous summary marks what is new since; outlets with attributes give perspectives.
  const extra = { outlets, ...(job.previous ? { previous: job.previous } : {}) };
  try {
    const summary = await summarizeWithModel(story, articles, summarizer, {
      ...context.summarizeOptions,
      ...extra,
    });
    return withExternalResources(summary, story, articles);
  } catch (error) {
    const reason = NewsloomError.from(error, 'MODEL_OUTPUT_INVALID');
    const message = `${reason.message.split('\n')[0]} (used the extractive summary)`;
    diagnostics.push({ severity: 'warning', code: reason.code, message, subject: story.id });
    return extractiveSummary(job, context.summarizeOptions, outlets);
  }
}

/**
 * Summarises with the model, one story at a time. The stage hands a window over before the last
 * one is answered (to keep worker threads busy); runs are chained here so that the model still
 * sees one story at a time, in order.
 */
function modelRunner(
  context: PipelineContext,
  summarizer: Summarizer,
  outlets: readonly Outlet[],
  diagnostics: Diagnostic[],
): SummaryRunner {
  let previous: Promise<unknown> = Promise.resolve();
  const runAll = async (jobs: readonly SummaryJob[]) => {
    const summaries: StorySummary[] = [];
    for (const job of jobs) {
      throwIfAborted(context.signal);
      summaries.push(await withModel(context, summarizer, job, outlets, diagnostics));
    }
    return summaries;
  };
  return {
    run: (jobs) => {
      const next = previous.then(() => runAll(jobs));
      previous = next.catch(() => undefined);
      return next;
    },
    close: async () => {
      await previous;
    },
  };
}

/**
 * How the run summarises: with the model one story at a time; else extractively, in worker
 * threads when the run is large (the output is the same either way), in this thread otherwise.
 * `memberCount` is the member articles known to be due; `more` says whether more follow.
 * @example const runner = chooseRunner(context, outlets, { memberCount: 5000, more: true }, [])
 */
export function chooseRunner(
  context: PipelineContext,
  outlets: readonly Outlet[],
  due: { memberCount: number; more: boolean },
  diagnostics: Diagnostic[],
): SummaryRunner {
  const { summarizer, summarizeOptions } = context;
  if (summarizer !== undefined) return modelRunner(context, summarizer, outlets, diagnostics);
  const windows = due.more
    ? Number.POSITIVE_INFINITY
    : Math.ceil(due.memberCount / WINDOW_ARTICLES);
  const threads = Math.min(context.summarizeThreads, windows);
  return threads > 1 && due.memberCount >= POOL_MIN_ARTICLES
    ? createSummaryPool(threads, summarizeOptions, outlets)
    : inThreadRunner(summarizeOptions, outlets);
}
