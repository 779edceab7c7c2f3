import { type PipelineState, type Story, stableHash } from '@newsloom/core';

/** Stories whose summaries are due: story id → the content key of the version to summarise. */
export type PendingSummaries = Record<string, string>;

/**
 * A story's content key: its members and update time. A summary written for this key is
 * current; a story with a new key is summarised again.
 * @example storyKey(story) // '3f2a…'
 */
export function storyKey(story: Story): string {
  return stableHash(story.updatedAt, ...story.articleIds);
}

/** The pending summaries a state records (none when absent or not a record of strings). */
export function pendingOf(state: PipelineState | undefined): PendingSummaries {
  const value = state?.meta.pendingSummaries;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/**
 * Adds the touched stories to `pending` in place (or updates their key). In place: the record
 * is the run's own (read from the state, or the warm clusterer's), and a copy of thousands of
 * entries per run would cost more than a small run.
 */
export function addPending(pending: PendingSummaries, touched: readonly Story[]): void {
  for (const story of touched) pending[story.id] = storyKey(story);
}
