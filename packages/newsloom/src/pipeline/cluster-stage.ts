import { type ClustererSnapshot, createClusterer } from '@newsloom/cluster';
import type { Article, ArticleId, Story, StoryId } from '@newsloom/core';
import { type PipelineContext, throwIfAborted } from './context';
import type { PipelineState } from './state';

/** What `Pipeline.cluster` did. */
export interface ClusterStageResult {
  /** Articles clustered in this run (new since the last run). */
  newArticles: number;
  /** Current stories. */
  stories: number;
  /** Stories created or changed in this run. */
  touchedStoryIds: string[];
}

const BATCH = 200;

function signature(story: Story): string {
  return JSON.stringify([story.articleIds, story.parentId, story.relatedIds, story.aliases]);
}

/**
 * The saved state, unless it belongs to another database (its stories are not in this store,
 * e.g. the database was deleted and the state file kept): then clustering starts afresh, which
 * gives the same story ids since they derive from each story's first article.
 */
async function loadMatchingState(context: PipelineContext): Promise<PipelineState | undefined> {
  const saved = await context.state.load();
  const probe = saved?.storyIds[0];
  if (!saved || probe === undefined) return saved;
  const found = await context.store.getStories({ ids: [probe] });
  return found.length > 0 ? saved : undefined;
}

/**
 * Adds the articles the clusterer has not seen to it (restored from the saved snapshot, so
 * story ids stay stable), saves the stories that changed and the new snapshot.
 * @example const { touchedStoryIds } = await clusterNewArticles(context)
 */
export async function clusterNewArticles(context: PipelineContext): Promise<ClusterStageResult> {
  return (await clusterAndSave(context)).result;
}

/**
 * {@link clusterNewArticles}, also giving the current story ids it saved in the state, so the
 * stages that follow in the same run need not read the state back.
 * @example const { storyIds } = await clusterAndSave(context)
 */
export async function clusterAndSave(
  context: PipelineContext,
): Promise<{ result: ClusterStageResult; storyIds: StoryId[] }> {
  const { store, state, signal } = context;
  const saved = await loadMatchingState(context);
  const clusterer = createClusterer(context.clusterOptions);
  if (saved) clusterer.restore(saved.clusterer as ClustererSnapshot);
  const seen = new Set<ArticleId>(saved?.clusteredArticleIds ?? []);
  const fresh: Article[] = [];
  for await (const article of store.queryArticles()) if (!seen.has(article.id)) fresh.push(article);
  const before = new Map(clusterer.stories().map((s) => [s.id, signature(s)]));
  for (let start = 0; start < fresh.length; start += BATCH) {
    throwIfAborted(signal);
    clusterer.add(fresh.slice(start, start + BATCH));
    const done = Math.min(start + BATCH, fresh.length);
    context.onProgress({ stage: 'cluster', done, total: fresh.length });
  }
  throwIfAborted(signal);
  const stories = clusterer.stories();
  const touched = stories.filter((s) => before.get(s.id) !== signature(s));
  if (touched.length > 0) await store.upsertStories(touched);
  for (const article of fresh) seen.add(article.id);
  // The snapshot holds the active window only: stories closed before this run are the saved
  // ids that were not active when it was restored.
  const closedBefore = (saved?.storyIds ?? []).filter((id) => !before.has(id));
  const storyIds = [...closedBefore, ...stories.map((s) => s.id)];
  await state.save({
    version: 1,
    clusterer: clusterer.snapshot(),
    clusteredArticleIds: [...seen],
    storyIds,
  });
  const result = {
    newArticles: fresh.length,
    stories: storyIds.length,
    touchedStoryIds: touched.map((s) => s.id),
  };
  return { result, storyIds };
}
