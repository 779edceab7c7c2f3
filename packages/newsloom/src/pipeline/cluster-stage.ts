import type { Clusterer, ClustererSnapshot, UnplacedArticle } from '@newsloom/cluster';
import {
  isNewsloomError,
  type PipelineState,
  type QuarantineEntry,
  type Story,
  type StoryId,
} from '@newsloom/core';
import { isoNow, type PipelineContext, throwIfAborted } from './context';
import { type LegacySeed, readLegacySeed, retireLegacySeed } from './legacy-state';
import { inChunks, type NewArticles, readNewArticles } from './new-articles';
import { addPending, pendingOf } from './pending';
import { placeUnplaced } from './placement';
import {
  createRunner,
  finishRun,
  restoreSnapshot,
  startRun,
  storySignature,
} from './warm-clusterer';

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

/**
 * Clusters the articles ingested since the last run (the clusterer restored from the state in
 * the store, so story ids stay stable, or kept in memory from this pipeline's last run while
 * the store's state is still the one that run committed) and commits the changed stories, the
 * quarantined articles and the new state in one transaction.
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
  const { saved, seed, runner, before, warmPending } = await startClusterRun(context);
  const fresh = await readNewArticles(store, saved?.watermark ?? 0, {
    skip: seed?.clustered,
    signal,
  });
  const unplaced = await addAll(context, runner.clusterer, fresh);
  const times = new Map(fresh.keys.map((key) => [key.id as string, key.time]));
  const at = isoNow(context.clock);
  const placement = await placeUnplaced(store, unplaced, times, at, context.clusterOptions);
  const { quarantined, lateStories } = placement;
  const { stories, signatures } = finishRun(runner);
  const changed = (s: Story) => before.get(s.id) !== (signatures.get(s.id) ?? storySignature(s));
  const touched = [...stories.filter(changed), ...lateStories];
  const pending = warmPending ?? pendingOf(saved);
  addPending(pending, touched);
  const snapshotAfter = runner.clusterer.snapshot();
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
  context.clusterers.keep({ runner, state, signatures, pending });
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

/**
 * The clusterer this process committed last when the store still holds its state (no load,
 * no restore), else one restored from the stored state (or a legacy sidecar's), with the
 * signatures of its stories before the run.
 */
async function startClusterRun(context: PipelineContext) {
  const warm = await context.clusterers.take(context.store);
  if (warm !== undefined) {
    startRun(warm.runner);
    const { state: saved, runner, signatures: before, pending: warmPending } = warm;
    return { saved, seed: undefined, runner, before, warmPending };
  }
  const saved = await context.store.loadPipelineState();
  const seed = saved === undefined ? await legacySeed(context) : undefined;
  const runner = createRunner(context.clusterOptions);
  const snapshot = (saved?.clusterer ?? seed?.clusterer) as ClustererSnapshot | undefined;
  if (snapshot) restoreSnapshot(runner, snapshot);
  return { saved, seed, runner, before: finishRun(runner).signatures, warmPending: undefined };
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

async function legacySeed(context: PipelineContext): Promise<LegacySeed | undefined> {
  const path = context.legacyStatePath;
  return path === undefined ? undefined : readLegacySeed(context.store, path);
}
