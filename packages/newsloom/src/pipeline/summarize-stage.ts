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

/** What `Pipeline.summarize` did. */
export interface SummarizeStageResult {
  /** Stories (re)summarised in this run. */
  summarized: number;
  /** Stories whose summary was already current. */
  unchanged: number;
  /** Stories where the model failed and the extractive summary was used instead. */
  diagnostics: Diagnostic[];
}

const BATCH = 25;

/** A summary is stale when its story gained articles or changed since it was written. */
function isStale(story: Story, summary: StorySummary | undefined): boolean {
  return (
    !summary ||
    summary.articleCount !== story.articleIds.length ||
    summary.updatedAt !== story.updatedAt
  );
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

/**
 * Summarises every current story whose summary is missing or stale (the default summariser is
 * the extractive one; a `Summarizer` port is used when given, always verified), saving in
 * batches so an interrupted run keeps what it finished. The current stories are `storyIds`
 * when the caller just clustered, else those of the saved state.
 * @example const { summarized } = await summarizeStaleStories(context)
 */
export async function summarizeStaleStories(
  context: PipelineContext,
  storyIds?: readonly StoryId[],
): Promise<SummarizeStageResult> {
  const { store, signal } = context;
  const ids = storyIds ?? (await context.state.load())?.storyIds ?? [];
  if (ids.length === 0) return { summarized: 0, unchanged: 0, diagnostics: [] };
  const stories = await store.getStories({ ids });
  const summaries = new Map((await store.getSummaries(ids)).map((s) => [s.storyId, s]));
  const stale = stories.filter((story) => isStale(story, summaries.get(story.id)));
  const articles =
    stale.length > 0
      ? await loadArticles(store, new Set(stale.flatMap((story) => story.articleIds)))
      : new Map<string, Article>();
  const outlets = stale.length > 0 ? await store.listOutlets() : [];
  const diagnostics: Diagnostic[] = [];
  let batch: StorySummary[] = [];
  for (const [index, story] of stale.entries()) {
    throwIfAborted(signal);
    const members = story.articleIds
      .map((id) => articles.get(id))
      .filter((a): a is Article => a !== undefined);
    const previous = summaries.get(story.id);
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
  return { summarized: stale.length, unchanged: stories.length - stale.length, diagnostics };
}
