import { type Feed, feedIdFromUrl, isNewsloomError, type UpsertCounts } from '@newsloom/core';
import { type FetchFeedResult, fetchFeeds } from '@newsloom/feeds';
import { type PipelineContext, throwIfAborted } from './context';
import { addCounts, emptyResult, type IngestResult } from './ingest';
import { feedAfterFetch, isDue } from './schedule';

interface Fetched {
  fetched: FetchFeedResult;
  counts: UpsertCounts | undefined;
}

/** Saves one feed's articles and fetch state as soon as it is fetched. */
async function saveFetched(context: PipelineContext, fetched: FetchFeedResult): Promise<Fetched> {
  const counts =
    fetched.articles.length > 0 ? await context.store.upsertArticles(fetched.articles) : undefined;
  await context.store.upsertFeeds([feedAfterFetch(fetched, context.pollMinutes)]);
  return { fetched, counts };
}

/**
 * Fetches feeds (every registered feed, those with the given URLs, or only those due) once with
 * the feeds package's `fetchFeeds` (the poller's global and per-host limits), saving each feed's
 * articles and fetch state as soon as it is fetched. A failed feed becomes diagnostics and its
 * `lastError`; it never stops the others. Counts and diagnostics come back in feed order,
 * whatever the timing.
 * @example await ingestFeeds(context, undefined, { dueOnly: true })
 * @throws {NewsloomError} `ABORTED` when the run was cancelled (feeds fetched so far are saved).
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
  throwIfAborted(context.signal);
  const results = new Map<string, Fetched>();
  let done = 0;
  await fetchFeeds(feeds, {
    outlets: await context.store.listOutlets(),
    clock: context.clock,
    ...(context.signal ? { signal: context.signal } : {}),
    fetchOptions: {
      ...context.feedOptions,
      ...(context.fetch ? { fetch: context.fetch } : {}),
      allowFileUrls: context.allowFileUrls,
    },
    onResult: async (fetched, index) => {
      const feed = feeds[index] as Feed;
      results.set(feed.id, await saveFetched(context, fetched));
      done += 1;
      context.onProgress({ stage: 'ingest', done, total: feeds.length, subject: feed.url });
    },
  }).catch((error: unknown) => {
    // The run's own cancellation error, whoever noticed it first.
    if (isNewsloomError(error, 'ABORTED')) throwIfAborted(context.signal);
    throw error;
  });
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
