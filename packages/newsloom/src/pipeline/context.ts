import type { ClusterOptions } from '@newsloom/cluster';
import {
  type ArticleStore,
  type Clock,
  type Fetch,
  NewsloomError,
  type Summarizer,
} from '@newsloom/core';
import type { AnalyzeCoverageOptions } from '@newsloom/coverage';
import type { FetchFeedOptions } from '@newsloom/feeds';
import type { SummarizeOptions } from '@newsloom/summarize';
import type { ClustererCache } from './warm-clusterer';

/** Options of `fetchFeed` the pipeline passes through (it sets fetch, clock, outlet and signal itself). */
export type FeedFetchOptions = Omit<
  FetchFeedOptions,
  'fetch' | 'clock' | 'outlet' | 'signal' | 'allowFileUrls'
>;

/** A step of progress, for progress bars and logs. */
export interface PipelineProgress {
  stage: 'ingest' | 'cluster' | 'summarize' | 'coverage' | 'digest';
  done: number;
  total: number;
  /** What is being worked on: a feed URL, a story id. */
  subject?: string;
}

/** Everything the stages share; built by `createPipeline` from its options. */
export interface PipelineContext {
  store: ArticleStore;
  /** A `<db>.state.json` sidecar of an older version, migrated into the store once. */
  legacyStatePath: string | undefined;
  clock: Clock;
  fetch: Fetch | undefined;
  allowFileUrls: boolean;
  /** Passed to every `fetchFeed` call (timeouts, user agent, retries, DNS port). */
  feedOptions: FeedFetchOptions;
  /** Minutes between fetches of a healthy feed. */
  pollMinutes: number;
  summarizer: Summarizer | undefined;
  title: string;
  clusterOptions: ClusterOptions;
  summarizeOptions: SummarizeOptions;
  /** Worker threads a large extractive summarise run may use (1: this thread only). */
  summarizeThreads: number;
  coverageOptions: AnalyzeCoverageOptions;
  signal: AbortSignal | undefined;
  onProgress: (progress: PipelineProgress) => void;
  /** The clusterer of this pipeline's last committed cluster run, reused while current. */
  clusterers: ClustererCache;
}

/**
 * Throws `ABORTED` when the run was cancelled. Stages call it between units of work, before
 * writing, so that an interrupted run leaves the store as the last completed step left it.
 * @example throwIfAborted(context.signal) // between two feeds
 */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new NewsloomError(
      'ABORTED',
      'the run was cancelled; the store holds everything saved before it',
    );
  }
}

/**
 * The ISO time of a clock.
 * @example isoNow(systemClock) // '2024-01-01T00:00:00.000Z'
 */
export function isoNow(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
