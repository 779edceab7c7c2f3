import {
  type Clusterer,
  type ClustererSnapshot,
  createClusterer,
  type UnplacedArticle,
} from '@newsloom/cluster';
import {
  isNewsloomError,
  NewsloomError,
  type PipelineState,
  type QuarantineEntry,
  type Story,
  type StoryId,
} from '@newsloom/core';
import { isoNow, type PipelineContext, throwIfAborted } from './context';
import { type LegacySeed, readLegacySeed, retireLegacySeed } from './legacy-state';
import { inChunks, type NewArticles, readNewArticles } from './new-articles';
import { pendingOf, withPending } from './pending';
import { placeUnplaced } from './placement';

/** What `Pipeline.cluster` did. */
export interface ClusterStageResult {
  /** Articles read in this run (ingested or changed since the last run). */
  newArticles: number;
  /**
   * Stories open in the clusterer's active window after the run (new articles may still join
   * them); closed stories live in the store, and counting those would read the archive.
   */
  activeStories: number;
  /** Stories created or changed in this run. */
  touchedStoryIds: string[];
  /** Articles it could not place (future, before 1970, invalid), kept in the store's quarantine (see `listQuarantined`). */
  quarantined: QuarantineEntry[];
  /** Times the commit found another run had committed first and the run was redone. */
  retries: number;
}

const MAX_ATTEMPTS = 20;

function signature(story: Story): string {
  return JSON.stringify([story.articleIds, story.parentId, story.relatedIds, story.aliases]);
}

/**
 * Clusters the articles ingested since the last run (the clusterer restored from the state in
 * the store, so story ids stay stable) and commits the changed stories, the quarantined
 * articles and the new state in one transaction.
 * @example const { touchedStoryIds } = await clusterNewArticles(context)
 */
export async function clusterNewArticles(context: PipelineContext): Promise<ClusterStageResult> {
  return (await clusterAndSave(context)).result;
}

/**
 * {@link clusterNewArticles}, also giving the ids of the stories whose summaries are due (those
 * touched by this run or an earlier one whose summaries were not written yet). When another
 * run commits first (`STATE_CONFLICT`), it reloads the state and runs again.
 * @example const { storyIds } = await clusterAndSave(context)
 */
export async function clusterAndSave(
  context: PipelineContext,
): Promise<{ result: ClusterStageResult; storyIds: StoryId[] }> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const saved = await clusterOnce(context);
      return { ...saved, result: { ...saved.result, retries: attempt } };
    } catch (error) {
      if (!isNewsloomError(error, 'STATE_CONFLICT') || attempt + 1 >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));
    }
  }
}

async function clusterOnce(context: PipelineContext) {
  const { store, signal } = context;
  const saved = await store.loadPipelineState();
  const seed = saved === undefined ? await legacySeed(context) : undefined;
  const clusterer = createClusterer(context.clusterOptions);
  const snapshot = (saved?.clusterer ?? seed?.clusterer) as ClustererSnapshot | undefined;
  if (snapshot) restore(clusterer, snapshot);
  const before = new Map(clusterer.stories().map((s) => [s.id, signature(s)]));
  const fresh = await readNewArticles(store, saved?.watermark ?? 0, {
    skip: seed?.clustered,
    signal,
  });
  const unplaced = await addAll(context, clusterer, fresh);
  const times = new Map(fresh.keys.map((key) => [key.id as string, key.time]));
  const at = isoNow(context.clock);
  const placement = await placeUnplaced(store, unplaced, times, at, context.clusterOptions);
  const { quarantined, lateStories } = placement;
  const stories = clusterer.stories();
  const touched = [...stories.filter((s) => before.get(s.id) !== signature(s)), ...lateStories];
  const pending = withPending(pendingOf(saved), touched);
  const snapshotAfter = clusterer.snapshot();
  const state: PipelineState = {
    schemaVersion: 1,
    revision: (saved?.revision ?? -1) + 1,
    watermark: fresh.lastSequence,
    clusterer: snapshotAfter,
    updatedAt: isoNow(context.clock),
    meta: { ...saved?.meta, pendingSummaries: pending },
  };
  await store.commitClusterRun({
    stories: touched,
    state,
    expectedRevision: saved?.revision,
    quarantined,
  });
  if (seed) await retireLegacySeed(seed);
  const result = {
    newArticles: fresh.keys.length,
    activeStories: snapshotAfter.active.length,
    touchedStoryIds: touched.map((s) => s.id),
    quarantined,
    retries: 0,
  };
  return { result, storyIds: Object.keys(pending) as StoryId[] };
}

/** Feeds the new articles to the clusterer in publication order; returns those it left out. */
async function addAll(
  context: PipelineContext,
  clusterer: Clusterer,
  fresh: NewArticles,
): Promise<UnplacedArticle[]> {
  // The run's clock: an article dated beyond the clusterer's tolerance after it is unplaced.
  const now = context.clock.now();
  const unplaced: UnplacedArticle[] = [];
  let done = 0;
  for await (const chunk of inChunks(context.store, fresh.keys)) {
    throwIfAborted(context.signal);
    unplaced.push(...clusterer.add(chunk, { now }).unplaced);
    done += chunk.length;
    context.onProgress({ stage: 'cluster', done, total: fresh.keys.length });
  }
  throwIfAborted(context.signal);
  return unplaced;
}

function restore(clusterer: Clusterer, snapshot: ClustererSnapshot): void {
  try {
    clusterer.restore(snapshot);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new NewsloomError(
      'STORE_CORRUPT',
      `The pipeline state in the store holds no valid clusterer snapshot (${reason}); reset it ` +
        '(SQLite: DELETE FROM pipeline_state) and run "newsloom cluster" again: the stories are ' +
        'rebuilt from the stored articles with the same ids',
      { cause },
    );
  }
}

async function legacySeed(context: PipelineContext): Promise<LegacySeed | undefined> {
  const path = context.legacyStatePath;
  return path === undefined ? undefined : readLegacySeed(context.store, path);
}
