import { type Feed, feedIdFromUrl, type Outlet, type UpsertCounts } from '@newsloom/core';
import { type FetchFeedResult, fetchFeed } from '@newsloom/feeds';
import { type PipelineContext, throwIfAborted } from './context';
import { addCounts, emptyResult, type IngestResult } from './ingest';
import { feedAfterFetch, isDue } from './schedule';

/** Hosts fetched at the same time; feeds of one host are always fetched one after another. */
const CONCURRENT_HOSTS = 4;

function hostOf(feed: Feed): string {
  try {
    const url = new URL(feed.url);
    return url.protocol === 'file:' ? `file:${feed.id}` : url.hostname;
  } catch {
    return feed.url;
  }
}

/** Feeds grouped by host, groups in the order their first feed appears. */
function byHost(feeds: readonly Feed[]): Feed[][] {
  const groups = new Map<string, Feed[]>();
  for (const feed of feeds) {
    const host = hostOf(feed);
    groups.set(host, [...(groups.get(host) ?? []), feed]);
  }
  return [...groups.values()];
}

interface Fetched {
  fetched: FetchFeedResult;
  counts: UpsertCounts | undefined;
}

async function fetchOne(
  context: PipelineContext,
  feed: Feed,
  outlet: Outlet | undefined,
): Promise<Fetched> {
  const fetched = await fetchFeed(feed, {
    ...context.feedOptions,
    ...(context.fetch ? { fetch: context.fetch } : {}),
    clock: context.clock,
    allowFileUrls: context.allowFileUrls,
    ...(outlet ? { outlet } : {}),
    ...(context.signal ? { signal: context.signal } : {}),
  });
  // Each feed's articles and fetch state are saved as soon as it is fetched.
  const counts =
    fetched.articles.length > 0 ? await context.store.upsertArticles(fetched.articles) : undefined;
  await context.store.upsertFeeds([feedAfterFetch(fetched, context.pollMinutes)]);
  return { fetched, counts };
}

/**
 * Fetches feeds (every registered feed, those with the given URLs, or only those due), a few
 * hosts at a time and one feed at a time per host, saving each feed's articles and fetch state
 * as soon as it is fetched. A failed feed becomes diagnostics and its `lastError`; it never stops
 * the others. Counts and diagnostics come back in feed order, whatever the timing.
 * @example await ingestFeeds(context, undefined, { dueOnly: true })
 */
export async function ingestFeeds(
  context: PipelineContext,
  urls?: readonly string[],
  options: { dueOnly?: boolean } = {},
): Promise<IngestResult> {
  const wanted = urls ? new Set(urls.map(feedIdFromUrl)) : undefined;
  const now = context.clock.now();
  const feeds = (await context.store.listFeeds()).filter(
    (f) => (!wanted || wanted.has(f.id)) && (!options.dueOnly || isDue(f, now)),
  );
  const outlets = new Map((await context.store.listOutlets()).map((o) => [o.id, o]));
  const results = new Map<string, Fetched>();
  const groups = byHost(feeds);
  let done = 0;
  const worker = async () => {
    for (let group = groups.shift(); group; group = groups.shift()) {
      for (const feed of group) {
        throwIfAborted(context.signal);
        results.set(feed.id, await fetchOne(context, feed, outlets.get(feed.outletId)));
        done += 1;
        context.onProgress({ stage: 'ingest', done, total: feeds.length, subject: feed.url });
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_HOSTS }, worker));
  return summarize(feeds, results);
}

function summarize(feeds: readonly Feed[], results: ReadonlyMap<string, Fetched>): IngestResult {
  const result = emptyResult();
  for (const feed of feeds) {
    const entry = results.get(feed.id);
    if (!entry) continue;
    const { fetched, counts } = entry;
    if (counts) addCounts(result, counts);
    result.feeds += 1;
    if (fetched.status === 'error') result.failedFeeds += 1;
    result.diagnostics.push(...fetched.diagnostics);
  }
  return result;
}
