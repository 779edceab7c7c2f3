import {
  type Diagnostic,
  NewsloomError,
  type Outlet,
  type Story,
  type StoryId,
  type StorySummary,
  type Summarizer,
} from '@newsloom/core';
import { summarizeWithModel } from '@newsloom/summarize';
import { loadArticles, type PipelineContext, throwIfAborted } from './context';
import { extractiveSummary, type SummaryJob, withExternalResources } from './extractive';
import { pendingOf } from './pending';
import { clearPending } from './pending-commit';
import { createSummaryPool, inThreadRunner, type SummaryRunner } from './summarize-pool';

/** What `Pipeline.summarize` did. */
export interface SummarizeStageResult {
  /** Stories (re)summarised in this run. */
  summarized: number;
  /** Stories due whose summary was already current (same members and update time). */
  unchanged: number;
  /** Stories where the model failed and the extractive summary was used instead. */
  diagnostics: Diagnostic[];
}

/** Member articles read, summarised and saved at a time: bounds memory whatever the run. */
const WINDOW_ARTICLES = 4000;
/** Below this many member articles a run stays in this thread (workers take ~0.1–1 s to start). */
const POOL_MIN_ARTICLES = 3000;

/** A summary is current when written for the story's members and update time. */
function isStale(story: Story, summary: StorySummary | undefined): boolean {
  if (
    !summary ||
    summary.articleCount !== story.articleIds.length ||
    summary.updatedAt !== story.updatedAt
  ) {
    return true;
  }
  const members = new Set<string>(story.articleIds);
  return summary.sources.some((source) => !members.has(source.articleId));
}

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
 * How the run summarises: with the model one story at a time; else extractively, in worker
 * threads when the run is large (the output is the same either way), in this thread otherwise.
 */
function chooseRunner(
  context: PipelineContext,
  outlets: readonly Outlet[],
  memberCount: number,
  diagnostics: Diagnostic[],
): SummaryRunner {
  const { summarizer, summarizeOptions } = context;
  if (summarizer !== undefined) {
    return {
      run: async (jobs) => {
        const summaries: StorySummary[] = [];
        for (const job of jobs) {
          throwIfAborted(context.signal);
          summaries.push(await withModel(context, summarizer, job, outlets, diagnostics));
        }
        return summaries;
      },
      close: async () => {},
    };
  }
  const threads = Math.min(context.summarizeThreads, Math.ceil(memberCount / WINDOW_ARTICLES));
  return threads > 1 && memberCount >= POOL_MIN_ARTICLES
    ? createSummaryPool(threads, summarizeOptions, outlets)
    : inThreadRunner(summarizeOptions, outlets);
}

/** The stale stories in windows of about {@link WINDOW_ARTICLES} member articles. */
function* windows(stale: readonly Story[]): Generator<Story[]> {
  let window: Story[] = [];
  let size = 0;
  for (const story of stale) {
    window.push(story);
    size += story.articleIds.length;
    if (size >= WINDOW_ARTICLES) {
      yield window;
      window = [];
      size = 0;
    }
  }
  if (window.length > 0) yield window;
}

async function jobsOf(
  context: PipelineContext,
  window: readonly Story[],
  previousSummaries: ReadonlyMap<string, StorySummary>,
): Promise<SummaryJob[]> {
  const articles = await loadArticles(
    context.store,
    new Set(window.flatMap((story) => story.articleIds)),
  );
  return window.flatMap((story) => {
    const members = story.articleIds.flatMap((id) => articles.get(id) ?? []);
    if (members.length === 0) return [];
    return [{ story, articles: members, previous: previousSummaries.get(story.id) }];
  });
}

async function summarizeAll(
  context: PipelineContext,
  stale: readonly Story[],
  previousSummaries: ReadonlyMap<string, StorySummary>,
  diagnostics: Diagnostic[],
): Promise<void> {
  if (stale.length === 0) return;
  const { store, signal } = context;
  const outlets = await store.listOutlets();
  const memberCount = stale.reduce((sum, story) => sum + story.articleIds.length, 0);
  const runner = chooseRunner(context, outlets, memberCount, diagnostics);
  try {
    const all = [...windows(stale)];
    let jobs = await jobsOf(context, all[0] ?? [], previousSummaries);
    let done = 0;
    for (const [index, window] of all.entries()) {
      throwIfAborted(signal);
      const answers = runner.run(jobs);
      // The next window is read while the workers summarise this one.
      const following = all[index + 1];
      jobs = following ? await jobsOf(context, following, previousSummaries) : [];
      const summaries = await answers;
      throwIfAborted(signal);
      if (summaries.length > 0) await store.saveSummaries(summaries);
      done += window.length;
      const last = window.at(-1);
      const subject = last ? { subject: last.id } : {};
      context.onProgress({ stage: 'summarize', done, total: stale.length, ...subject });
    }
  } finally {
    await runner.close();
  }
}

/**
 * Summarises the stories whose summaries are due — `storyIds` when the caller just clustered,
 * else those the pipeline state lists as pending — reading only their members (by id) and
 * skipping a story whose summary is current. Saves in batches, then clears the stories it
 * summarised from the pending list (a story changed meanwhile stays pending).
 * @example const { summarized } = await summarizeStaleStories(context)
 */
export async function summarizeStaleStories(
  context: PipelineContext,
  storyIds?: readonly StoryId[],
): Promise<SummarizeStageResult> {
  const { store } = context;
  const ids = storyIds ?? (await pendingStoryIds(context));
  if (ids.length === 0) return { summarized: 0, unchanged: 0, diagnostics: [] };
  const stories = await store.getStories({ ids });
  const summaries = new Map((await store.getSummaries(ids)).map((s) => [s.storyId, s]));
  const stale = stories.filter((story) => isStale(story, summaries.get(story.id)));
  const diagnostics: Diagnostic[] = [];
  await summarizeAll(context, stale, summaries, diagnostics);
  await clearPending(context, ids, stories);
  return { summarized: stale.length, unchanged: stories.length - stale.length, diagnostics };
}

async function pendingStoryIds(context: PipelineContext): Promise<StoryId[]> {
  return Object.keys(pendingOf(await context.store.loadPipelineState())) as StoryId[];
}
