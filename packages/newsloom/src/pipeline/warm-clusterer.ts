import {
  type Clusterer,
  type ClustererSnapshot,
  type ClusterOptions,
  createClusterer,
} from '@newsloom/cluster';
import { type ArticleStore, NewsloomError, type PipelineState, type Story } from '@newsloom/core';
import type { PendingSummaries } from './pending';

/**
 * A clusterer with the stories it closed during the current run: it keeps no closed story
 * itself (`keepClosed: false`), so one held across runs does not grow with the stream.
 */
export interface ClusterRunner {
  clusterer: Clusterer;
  /** Stories closed since {@link startRun}, in the order they closed. */
  closed: Story[];
}

/** A runner as its last commit left it, with that commit's state and story signatures. */
export interface WarmClusterer {
  runner: ClusterRunner;
  /** The state committed with the runner's snapshot (not to be mutated). */
  state: PipelineState;
  /** {@link storySignature} of each active story after that commit. */
  signatures: Map<string, string>;
  /**
   * The state's pending summaries, this process's own record (the next run adds to it in place);
   * absent when the state was read from the store.
   */
  pending?: PendingSummaries | undefined;
}

/**
 * Holds the clusterer of the last committed run of this process, so that the next run costs
 * only its new articles instead of a load and restore of the whole snapshot. It is handed out
 * only while the store's state still holds its snapshot, and only once: a run that fails has
 * changed it, and the next run rebuilds one from the store.
 * @example const warm = await cache.take(store) // undefined: restore from the stored state
 */
export function createClustererCache() {
  let held: WarmClusterer | undefined;
  return {
    async take(store: ArticleStore): Promise<WarmClusterer | undefined> {
      const warm = held;
      held = undefined;
      if (warm === undefined) return undefined;
      const head = await store.readPipelineRevision();
      // Another cluster run moves the watermark (every run that changes the snapshot reads
      // articles past it); a state reset leaves none or an older one.
      if (head === undefined || head.watermark !== warm.state.watermark) return undefined;
      if (head.revision === warm.state.revision) return warm;
      // Committed meanwhile without clustering (a summariser clearing pending summaries): the
      // snapshot is still the one held, the rest of the state is new.
      const state = await store.loadPipelineState();
      const same = state?.watermark === warm.state.watermark;
      return same ? { ...warm, state, pending: undefined } : undefined;
    },
    keep(warm: WarmClusterer): void {
      held = warm;
    },
  };
}

/** The cache of one pipeline. */
export type ClustererCache = ReturnType<typeof createClustererCache>;

/** A new runner with the user's options (their `onStoryClosed` is still called). */
export function createRunner(options: ClusterOptions): ClusterRunner {
  const closed: Story[] = [];
  const clusterer = createClusterer({
    ...options,
    keepClosed: false,
    onStoryClosed: (story) => {
      closed.push(story);
      options.onStoryClosed?.(story);
    },
  });
  return { clusterer, closed };
}

/** Forgets the stories closed in an earlier run (they were committed with it). */
export function startRun(runner: ClusterRunner): void {
  runner.closed.length = 0;
}

/** What makes a story changed for the store: members, parent, related stories, aliases. */
export function storySignature(story: Story): string {
  return JSON.stringify([story.articleIds, story.parentId, story.relatedIds, story.aliases]);
}

/**
 * The stories of the run, those closed during it and the active ones, sorted by creation time,
 * then id (the order `Clusterer.stories()` gives when it keeps closed stories), and the
 * signatures of the active ones (the `before` of the next run).
 */
export function finishRun(runner: ClusterRunner): {
  stories: Story[];
  signatures: Map<string, string>;
} {
  const active = runner.clusterer.stories();
  const signatures = new Map(active.map((s) => [s.id as string, storySignature(s)]));
  const stories = runner.closed
    .concat(active)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : 1));
  return { stories, signatures };
}

/**
 * Restores a snapshot from the store.
 * @throws {NewsloomError} `STORE_CORRUPT` naming the fix when the snapshot is not valid.
 */
export function restoreSnapshot(runner: ClusterRunner, snapshot: ClustererSnapshot): void {
  try {
    runner.clusterer.restore(snapshot);
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
