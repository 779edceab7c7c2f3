import type { ClusterOptions } from '@newsloom/cluster';
import {
  type ArticleStore,
  type Clock,
  type Edition,
  type Feed,
  type Fetch,
  NewsloomError,
  type QuarantineEntry,
  type Summarizer,
  systemClock,
  type UpsertCounts,
} from '@newsloom/core';
import type { AnalyzeCoverageOptions } from '@newsloom/coverage';
import type { SummarizeOptions } from '@newsloom/summarize';
import { isPostgresUrl, openStore } from '../open-store';
import { type ClusterStageResult, clusterAndSave, clusterNewArticles } from './cluster-stage';
import {
  type FeedFetchOptions,
  isoNow,
  type PipelineContext,
  type PipelineProgress,
} from './context';
import { buildEdition, type EditionOptions } from './edition-stage';
import { ingestFeeds } from './fetch-feeds';
import {
  type ArticleRecord,
  addFeeds,
  emptyResult,
  type FeedSource,
  type IngestResult,
  ingestArticles,
  ingestJsonl,
  type OutletRecord,
  toOutlet,
} from './ingest';
import { addOpml, ingestOpml } from './opml';
import { type PollOptions, pollFeeds } from './poll';
import { defaultThreads } from './summarize-pool';
import { type SummarizeStageResult, summarizeStaleStories } from './summarize-stage';
import { createClustererCache } from './warm-clusterer';

/** Options of {@link createPipeline}; every one has a default. */
export interface PipelineOptions {
  /** The article store. Default: SQLite at {@link PipelineOptions.databasePath}. */
  store?: ArticleStore;
  /** Path of the default SQLite store, or a `postgres://` URL. Default: `./newsloom.db`. */
  databasePath?: string;
  /**
   * A `<db>.state.json` sidecar left by an older version, read once into the store's pipeline
   * state (then renamed `.migrated`). Default: `<databasePath>.state.json` beside the default
   * store; none for a given store. (The `state` option is gone: the state lives in the store.)
   */
  legacyStatePath?: string;
  /** A model behind the Summarizer port (always verified). Default: the extractive summariser. */
  summarizer?: Summarizer;
  /** Default: the system clock. */
  clock?: Clock;
  /** Default: `globalThis.fetch`, resolved at call time. */
  fetch?: Fetch;
  /** Allow `file:` feed URLs (local files). Default: false. */
  allowFileUrls?: boolean;
  /** Passed to every `fetchFeed`: timeouts, retries, user agent, `resolveHost` (DNS port of the SSRF guard). */
  feeds?: FeedFetchOptions;
  /** Minutes between fetches of a healthy feed (longer when the feed or server asks, doubled per failure). Default: 15. */
  pollMinutes?: number;
  /** Edition title. Default: `newsloom`. */
  title?: string;
  /** Options of `createClusterer` (thresholds, windows). Default: the cluster package's. */
  cluster?: ClusterOptions;
  /** Options of the extractive summariser. Default: the summarize package's. */
  summarize?: SummarizeOptions;
  /**
   * Worker threads for summarising a large run extractively (thousands of member articles, such
   * as a first digest of an archive); the summaries are the same as in one thread. Small runs
   * and a model summariser stay in this thread. Default: the machine's cores, at most 4.
   */
  summarizeThreads?: number;
  /** Options of `analyzeCoverage`, e.g. `{ minority: { attributes: ['lean'] } }`. Default: the coverage package's. */
  coverage?: AnalyzeCoverageOptions;
  /** Cancels the work between units; the store keeps what was saved. */
  signal?: AbortSignal;
  onProgress?: (progress: PipelineProgress) => void;
}

/** What {@link Pipeline.run} did, and the edition it made. */
export interface RunResult {
  ingest: IngestResult;
  cluster: ClusterStageResult;
  summarize: SummarizeStageResult;
  edition: Edition;
}

/** The composed pipeline: source → store → cluster → summarise → coverage → Edition. */
export interface Pipeline {
  readonly store: ArticleStore;
  /** Registers or updates outlets (names, groups, rated attributes such as `lean`). */
  addOutlets(outlets: readonly OutletRecord[]): Promise<UpsertCounts>;
  /** Registers feeds and their outlets (idempotent; fetch state is kept). */
  addFeeds(sources: readonly FeedSource[]): Promise<Feed[]>;
  /** Registers the feeds of an OPML file without fetching them. */
  addOpml(path: string): Promise<Feed[]>;
  /** Registers and fetches the feeds of an OPML file (relative URLs resolve against it). */
  ingestOpml(path: string): Promise<IngestResult>;
  /** Fetches every registered feed, or those with the given URLs. */
  ingestFeeds(urls?: readonly string[]): Promise<IngestResult>;
  /** Fetches the feeds whose next fetch time has come (for polling). */
  ingestDueFeeds(): Promise<IngestResult>;
  /** Polls the registered feeds until `signal` aborts, clustering and summarising as articles arrive. */
  poll(options: PollOptions): Promise<void>;
  /** The earliest next fetch time of the registered feeds (ISO), or undefined when there are none. */
  nextFetchAt(): Promise<string | undefined>;
  /** Streams a JSON Lines file of articles into the store. */
  ingestJsonl(path: string): Promise<IngestResult>;
  /** Saves articles given in the interchange form. */
  ingestArticles(articles: readonly ArticleRecord[]): Promise<UpsertCounts>;
  /** Clusters the articles not clustered yet; story ids stay stable across runs. */
  cluster(): Promise<ClusterStageResult>;
  /** Summarises the stories that are new or changed. */
  summarize(): Promise<SummarizeStageResult>;
  /** Articles the clusterer could not place (dated beyond `cluster.futureToleranceHours` after the run's clock, before 1970, too late for the window), by article id. */
  listQuarantined(): Promise<QuarantineEntry[]>;
  /** Scores coverage and assembles the edition. */
  edition(options?: EditionOptions): Promise<Edition>;
  /** Fetches registered feeds, then clusters, summarises and builds the edition. */
  run(options?: EditionOptions & { fetch?: boolean }): Promise<RunResult>;
  close(): Promise<void>;
}

function createContext(options: PipelineOptions): PipelineContext {
  const databasePath = options.databasePath ?? './newsloom.db';
  const store = options.store ?? openStore(databasePath);
  const legacyStatePath =
    options.legacyStatePath ??
    (options.store || databasePath === ':memory:' || isPostgresUrl(databasePath)
      ? undefined
      : `${databasePath}.state.json`);
  return {
    store,
    legacyStatePath,
    clock: options.clock ?? systemClock,
    fetch: options.fetch,
    allowFileUrls: options.allowFileUrls ?? false,
    feedOptions: options.feeds ?? {},
    pollMinutes: options.pollMinutes ?? 15,
    summarizer: options.summarizer,
    title: options.title ?? 'newsloom',
    clusterOptions: options.cluster ?? {},
    summarizeOptions: options.summarize ?? {},
    summarizeThreads: threadsOption(options.summarizeThreads),
    coverageOptions: options.coverage ?? {},
    signal: options.signal,
    onProgress: options.onProgress ?? (() => {}),
    clusterers: createClustererCache(),
  };
}

function threadsOption(threads: number | undefined): number {
  if (threads === undefined) return defaultThreads();
  if (Number.isInteger(threads) && threads >= 1) return threads;
  throw new NewsloomError(
    'INVALID_INPUT',
    `createPipeline: summarizeThreads must be a whole number ≥ 1 (got ${threads}); use 1 to summarise in this thread only`,
  );
}

/**
 * Composes the newsloom stages with defaults: SQLite at `./newsloom.db`, the extractive
 * summariser, the system clock. Incremental: each run clusters only the articles ingested since
 * the last (the pipeline state lives in the store and is committed with the stories, so runs
 * beside each other never lose or duplicate an article), re-summarises only the stories they
 * touched and keeps story ids stable. Articles it cannot place are quarantined, never dropped.
 * @example
 * const pipeline = createPipeline({ databasePath: 'news.db' })
 * await pipeline.addFeeds([{ url: 'https://feeds.bbci.co.uk/news/rss.xml', outlet: 'BBC News' }])
 * const { edition } = await pipeline.run()
 * await writeDigest(edition, './out')
 * await pipeline.close()
 * @throws {NewsloomError} `STORE_*` when the database cannot be opened.
 */
export function createPipeline(options: PipelineOptions = {}): Pipeline {
  const context = createContext(options);
  const { store } = context;
  return {
    store,
    addOutlets: (outlets) => store.upsertOutlets(outlets.map(toOutlet)),
    addFeeds: (sources) => addFeeds(context, sources),
    addOpml: (path) => addOpml(context, path),
    ingestOpml: (path) => ingestOpml(context, path),
    ingestFeeds: (urls) => ingestFeeds(context, urls),
    ingestDueFeeds: () => ingestFeeds(context, undefined, { dueOnly: true }),
    poll: (pollOptions) => pollFeeds(context, pollOptions),
    async nextFetchAt() {
      const times = (await store.listFeeds()).map((f) => f.nextFetchAt ?? isoNow(context.clock));
      return times.sort()[0];
    },
    ingestJsonl: (path) => ingestJsonl(context, path),
    ingestArticles: (articles) => ingestArticles(context, articles),
    cluster: () => clusterNewArticles(context),
    summarize: () => summarizeStaleStories(context),
    listQuarantined: () => store.listQuarantined(),
    edition: (editionOptions) => buildEdition(context, editionOptions),
    async run(runOptions = {}) {
      const ingest = runOptions.fetch === false ? emptyResult() : await ingestFeeds(context);
      // The stories due for a summary go straight to the next stage: the state is read once.
      const { result: cluster, storyIds } = await clusterAndSave(context);
      const summarize = await summarizeStaleStories(context, storyIds);
      const built = await buildEdition(context, runOptions);
      const edition = { ...built, diagnostics: [...ingest.diagnostics, ...summarize.diagnostics] };
      return { ingest, cluster, summarize, edition };
    },
    close: () => store.close(),
  };
}
