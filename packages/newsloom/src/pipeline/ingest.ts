import {
  type Article,
  type ArticleInput,
  type Diagnostic,
  describeZodIssues,
  type Feed,
  feedIdFromUrl,
  NewsloomError,
  type Outlet,
  type OutletInput,
  OutletSchema,
  outletIdFromName,
  outletIdFromUrl,
  parseArticle,
  type UpsertCounts,
} from '@newsloom/core';
import { importArticlesJsonl } from '@newsloom/store';
import { isoNow, type PipelineContext } from './context';

/** A feed to register: its URL and, optionally, its outlet (a display name or a full outlet). */
export interface FeedSource {
  url: string;
  /** The outlet's display name or record. Default: the feed URL's registrable domain. */
  outlet?: string | OutletRecord;
  title?: string;
  categories?: string[];
}

/**
 * An article in the interchange form of datasets and JSONL archives (`outlet` is the display
 * name), or already in the model's form. `parseArticle` of core validates either.
 */
export type ArticleRecord =
  | ArticleInput
  | {
      id?: string;
      url: string;
      outlet?: string;
      title: string;
      summary?: string;
      text?: string;
      publishedAt: string;
      language?: string;
      meta?: Record<string, unknown>;
    };

/** An outlet to register: its `id` defaults to the slug of its name (`BBC News` → `bbc-news`). */
export type OutletRecord = Omit<OutletInput, 'id'> & { id?: string };

/** What an ingest did. */
export interface IngestResult extends UpsertCounts {
  /** Feeds fetched (ingestFeeds) or 0. */
  feeds: number;
  /** Feeds whose fetch failed (each has a diagnostic and `lastError`). */
  failedFeeds: number;
  /** Articles skipped because an earlier one of the same import had their URL. */
  duplicateUrls: number;
  diagnostics: Diagnostic[];
}

/**
 * Validates an outlet (its id defaults to the slug of its name).
 * @throws {NewsloomError} `INVALID_INPUT` naming the field.
 * @example toOutlet({ name: 'BBC News' }).id // 'bbc-news'
 */
export function toOutlet(input: Partial<OutletRecord>): Outlet {
  const withId = input.name && !input.id ? { ...input, id: outletIdFromName(input.name) } : input;
  const parsed = OutletSchema.safeParse(withId);
  if (parsed.success) return parsed.data;
  const name = input.name ?? input.id ?? '(unnamed)';
  throw new NewsloomError('INVALID_INPUT', `outlet ${name}: ${describeZodIssues(parsed.error)}`, {
    cause: parsed.error,
  });
}

/** An outlet name from a feed URL: its registrable domain, else the file's name (`reuters.xml` → `reuters`). */
function defaultOutletName(url: string): string {
  const domain = outletIdFromUrl(url);
  if (domain) return domain;
  const last = url.split(/[\\/]/).filter(Boolean).pop() ?? url;
  return decodeURIComponent(last).replace(/\.[a-z0-9]+$/i, '') || url;
}

/**
 * Turns a {@link FeedSource} into the outlet and feed records the store keeps.
 * @example const { outlet, feed } = feedRecords({ url: 'https://feeds.bbci.co.uk/news/rss.xml', outlet: 'BBC News' })
 */
function feedRecords(source: FeedSource): { outlet: Outlet; feed: Feed } {
  const given: Partial<OutletRecord> | undefined =
    typeof source.outlet === 'string' ? { name: source.outlet } : source.outlet;
  const name = given?.name ?? defaultOutletName(source.url);
  const outlet = toOutlet({ ...given, name });
  const feed: Feed = {
    id: feedIdFromUrl(source.url),
    url: source.url,
    outletId: outlet.id,
    categories: source.categories ?? [],
    consecutiveFailures: 0,
    meta: {},
    ...(source.title === undefined ? {} : { title: source.title }),
  };
  return { outlet, feed };
}

/**
 * Registers feeds and their outlets in the store (idempotent).
 * @example await addFeeds(context, [{ url: 'https://www.theguardian.com/world/rss', outlet: 'The Guardian' }])
 */
export async function addFeeds(
  context: PipelineContext,
  sources: readonly FeedSource[],
): Promise<Feed[]> {
  const records = sources.map(feedRecords);
  const known = new Map((await context.store.listOutlets()).map((o) => [o.id, o]));
  // A known outlet keeps its record (name, rated attributes) unless a full outlet was given.
  const outlets = new Map<string, Outlet>();
  sources.forEach((source, index) => {
    const outlet = records[index]?.outlet;
    if (!outlet) return;
    const before = known.get(outlet.id);
    if (!before) outlets.set(outlet.id, outlet);
    else if (typeof source.outlet === 'object') outlets.set(outlet.id, { ...before, ...outlet });
  });
  if (outlets.size > 0) await context.store.upsertOutlets([...outlets.values()]);
  const stored = new Map((await context.store.listFeeds()).map((f) => [f.id, f]));
  // Keep the fetch state (ETag, failures) of feeds already known.
  const feeds = records.map((r) => ({ ...r.feed, ...pickState(stored.get(r.feed.id)) }));
  await context.store.upsertFeeds(feeds);
  return feeds;
}

function pickState(feed: Feed | undefined): Partial<Feed> {
  if (!feed) return {};
  const {
    id: _id,
    url: _url,
    outletId: _outlet,
    categories: _categories,
    title: _title,
    ...state
  } = feed;
  return state;
}

/**
 * An ingest result with nothing in it.
 * @example const result = emptyResult()
 */
export function emptyResult(): IngestResult {
  return {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    feeds: 0,
    failedFeeds: 0,
    duplicateUrls: 0,
    diagnostics: [],
  };
}

/**
 * Adds upsert counts to an ingest result.
 * @example addCounts(result, await store.upsertArticles(articles))
 */
export function addCounts(result: IngestResult, counts: UpsertCounts): void {
  result.inserted += counts.inserted;
  result.updated += counts.updated;
  result.unchanged += counts.unchanged;
}

/**
 * Validates articles in the interchange form and saves them with the outlets they name.
 * @example await ingestArticles(context, [{ url: 'https://apnews.com/x', outlet: 'AP', title: 'T', publishedAt: '2021-04-22T14:00:00Z' }])
 */
export async function ingestArticles(
  context: PipelineContext,
  inputs: readonly ArticleRecord[],
): Promise<UpsertCounts> {
  return saveArticles(
    context,
    inputs.map((input) => parseArticle(input)),
  );
}

async function saveArticles(
  context: PipelineContext,
  articles: readonly Article[],
): Promise<UpsertCounts> {
  const known = new Set((await context.store.listOutlets()).map((o) => o.id));
  const outlets = new Map<string, Outlet>();
  for (const a of articles) {
    if (known.has(a.outletId) || outlets.has(a.outletId)) continue;
    outlets.set(a.outletId, toOutlet({ id: a.outletId, name: a.outletName ?? a.outletId }));
  }
  if (outlets.size > 0) await context.store.upsertOutlets([...outlets.values()]);
  return context.store.upsertArticles(articles);
}

/**
 * Streams a JSON Lines file of articles (the interchange form) into the store in batches through
 * `importArticlesJsonl` of `@newsloom/store`: bad lines and invalid UTF-8 become diagnostics
 * naming the line (and byte offset), a repeated URL is counted in `duplicateUrls`.
 * @example const { inserted, diagnostics } = await ingestJsonl(context, 'articles.jsonl')
 */
export async function ingestJsonl(context: PipelineContext, path: string): Promise<IngestResult> {
  const result = emptyResult();
  const imported = await importArticlesJsonl(context.store, path, {
    defaults: { fetchedAt: isoNow(context.clock) },
    registerOutlets: true,
    ...(context.signal ? { signal: context.signal } : {}),
    onDiagnostic: (d) => result.diagnostics.push(d),
    onBatch: (_, counts) => {
      addCounts(result, counts);
      const done = result.inserted + result.updated + result.unchanged;
      context.onProgress({ stage: 'ingest', done, total: 0, subject: path });
    },
  });
  result.duplicateUrls = imported.duplicateUrls;
  return result;
}
