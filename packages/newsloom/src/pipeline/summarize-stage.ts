import {
  type Article,
  type Diagnostic,
  NewsloomError,
  type Story,
  type StoryId,
  type StorySummary,
} from '@newsloom/core';
import {
  extractExternalResources,
  type SummarizeOptions,
  summarizeStory,
  summarizeWithModel,
} from '@newsloom/summarize';
import { loadArticles, type PipelineContext, throwIfAborted } from './context';
import { pendingOf } from './pending';
import { clearPending } from './pending-commit';

/** What `Pipeline.summarize` did. */
export interface SummarizeStageResult {
  /** Stories (re)summarised in this run. */
  summarized: number;
  /** Stories due whose summary was already current (same members and update time). */
  unchanged: number;
  /** Stories where the model failed and the extractive summary was used instead. */
  diagnostics: Diagnostic[];
}

const BATCH = 25;

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
async function modelOrExtractive(
  context: PipelineContext,
  story: Story,
  articles: readonly Article[],
  diagnostics: Diagnostic[],
  extra: SummarizeOptions,
): Promise<StorySummary> {
  const { summarizer } = context;
  // The previous summary marks what is new since; outlets with attributes give perspectives.
  const summarizeOptions = { ...context.summarizeOptions, ...extra };
  if (!summarizer) return summarizeStory(story, articles, summarizeOptions);
  try {
    return await summarizeWithModel(story, articles, summarizer, summarizeOptions);
  } catch (error) {
    const reason = NewsloomError.from(error, 'MODEL_OUTPUT_INVALID');
    const message = `${reason.message.split('\n')[0]} (used the extractive summary)`;
    diagnostics.push({ severity: 'warning', code: reason.code, message, subject: story.id });
    return summarizeStory(story, articles, summarizeOptions);
  }
}

async function summarizeOne(
  context: PipelineContext,
  story: Story,
  articles: readonly Article[],
  diagnostics: Diagnostic[],
  extra: SummarizeOptions,
): Promise<StorySummary> {
  const summary = await modelOrExtractive(context, story, articles, diagnostics, extra);
  if (summary.externalResources.length > 0) return summary;
  return { ...summary, externalResources: extractExternalResources(story, articles) };
}

async function summarizeAll(
  context: PipelineContext,
  stale: readonly Story[],
  previousSummaries: ReadonlyMap<string, StorySummary>,
  diagnostics: Diagnostic[],
): Promise<void> {
  const { store, signal } = context;
  const articles =
    stale.length > 0
      ? await loadArticles(store, new Set(stale.flatMap((story) => story.articleIds)))
      : new Map<string, Article>();
  const outlets = stale.length > 0 ? await store.listOutlets() : [];
  let batch: StorySummary[] = [];
  for (const [index, story] of stale.entries()) {
    throwIfAborted(signal);
    const members = story.articleIds
      .map((id) => articles.get(id))
      .filter((a): a is Article => a !== undefined);
    const previous = previousSummaries.get(story.id);
    const extra = { outlets, ...(previous ? { previous } : {}) };
    if (members.length > 0)
      batch.push(await summarizeOne(context, story, members, diagnostics, extra));
    if (batch.length >= BATCH || index === stale.length - 1) {
      if (batch.length > 0) await store.saveSummaries(batch);
      batch = [];
    }
    context.onProgress({
      stage: 'summarize',
      done: index + 1,
      total: stale.length,
      subject: story.id,
    });
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
