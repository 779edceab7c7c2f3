import type { Article, Outlet, Story, StorySummary } from '@newsloom/core';
import {
  extractExternalResources,
  type SummarizeOptions,
  summarizeStory,
} from '@newsloom/summarize';

/** One story to summarise: the story, its member articles (in its order), its last summary. */
export interface SummaryJob {
  story: Story;
  articles: Article[];
  previous?: StorySummary | undefined;
}

/**
 * A summary's external resources: those the summariser found, else the links the member
 * articles share (the pipeline's fallback, the same in this thread and in a worker).
 * @example const summary = withExternalResources(summarizeStory(story, articles), story, articles)
 */
export function withExternalResources(
  summary: StorySummary,
  story: Story,
  articles: readonly Article[],
): StorySummary {
  if (summary.externalResources.length > 0) return summary;
  return { ...summary, externalResources: extractExternalResources(story, articles) };
}

/**
 * The extractive summary of one job, as the pipeline stores it: the base options, the outlets
 * (for perspectives) and the previous summary (for what is new).
 * @example const summary = extractiveSummary(job, context.summarizeOptions, outlets)
 */
export function extractiveSummary(
  job: SummaryJob,
  options: SummarizeOptions,
  outlets: readonly Outlet[],
): StorySummary {
  const extra = { outlets, ...(job.previous ? { previous: job.previous } : {}) };
  const summary = summarizeStory(job.story, job.articles, { ...options, ...extra });
  return withExternalResources(summary, job.story, job.articles);
}
