import { type Feed, isNewsloomError } from '@newsloom/core';
import { createPoller, type FeedPollStatus } from '@newsloom/feeds';
import { type ClusterStageResult, clusterAndSave } from './cluster-stage';
import type { PipelineContext } from './context';
import { scheduleFor } from './schedule';
import { type SummarizeStageResult, summarizeStaleStories } from './summarize-stage';

/** Options of `Pipeline.poll`. */
export interface PollOptions {
  /** Stops polling; in-flight fetches finish and are saved first. */
  signal: AbortSignal;
  /** Cluster and summarise new articles at most this often. Default: 60 000 ms. */
  clusterEveryMs?: number;
  /** Each feed's poll outcome. */
  onStatus?: (status: FeedPollStatus) => void;
  /** Each clustering and summarising pass after new articles arrived. */
  onUpdate?: (update: { cluster: ClusterStageResult; summarize: SummarizeStageResult }) => void;
}

async function updateLoop(
  context: PipelineContext,
  options: PollOptions,
  isDirty: () => boolean,
): Promise<void> {
  const every = options.clusterEveryMs ?? 60_000;
  while (!options.signal.aborted) {
    await context.clock.sleep(every, options.signal).catch(() => undefined);
    if (options.signal.aborted || !isDirty()) continue;
    try {
      const { result: cluster, storyIds } = await clusterAndSave(context);
      const summarize = await summarizeStaleStories(context, storyIds);
      options.onUpdate?.({ cluster, summarize });
    } catch (error) {
      if (isNewsloomError(error, 'ABORTED')) return;
      throw error;
    }
  }
}

/**
 * Polls every registered feed with the feeds package's poller (global and per-host limits, a
 * schedule per feed, back-off) until `signal` aborts; saves articles and feed state as they come,
 * and clusters and summarises what is new at most every `clusterEveryMs`.
 * @example await pollFeeds(context, { signal: controller.signal })
 */
export async function pollFeeds(context: PipelineContext, options: PollOptions): Promise<void> {
  const { store } = context;
  let dirty = false;
  const saving = new Set<Promise<unknown>>();
  const save = (feed: Feed) => {
    const job = store.upsertFeeds([feed]).finally(() => saving.delete(job));
    saving.add(job);
  };
  const poller = createPoller({
    feeds: await store.listFeeds(),
    outlets: await store.listOutlets(),
    clock: context.clock,
    ...scheduleFor(context.pollMinutes),
    fetchOptions: {
      ...context.feedOptions,
      ...(context.fetch ? { fetch: context.fetch } : {}),
      allowFileUrls: context.allowFileUrls,
    },
    onArticles: async (articles) => {
      await store.upsertArticles(articles);
      dirty = true;
    },
    onStatus: (status) => {
      save(status.feed);
      options.onStatus?.(status);
    },
  });
  const isDirty = () => {
    const was = dirty;
    dirty = false;
    return was;
  };
  await Promise.all([poller.run(options.signal), updateLoop(context, options, isDirty)]);
  await Promise.all(saving);
}
