import {
  CoverageReportSchema,
  type CoverageSnapshot,
  FeedSchema,
  NewsloomError,
  OutletSchema,
  StorySummarySchema,
  type UpsertCounts,
} from '@newsloom/core';
import type { z } from 'zod';
import type { StoreBackend } from '../shared/backend';
import { canonicalJson, compareStrings, sortableTime } from '../shared/canonical';
import { createStoreFacade } from '../shared/create-store-facade';
import { decodeRow } from '../shared/decode';
import { RunSchema } from '../shared/run';
import type { NewsloomStore } from '../shared/types';
import { createMemoryArticles } from './memory-articles';
import { createMemoryPipelineState } from './memory-pipeline-state';
import { createMemoryStories } from './memory-stories';

/**
 * A store held in memory, with exactly the behaviour of {@link openSqliteStore} (both pass the
 * same conformance suite): for tests, demos and one-shot runs that need no file.
 *
 * @example
 * const store = createMemoryStore()
 * await store.upsertArticles([article]) // { inserted: 1, updated: 0, unchanged: 0 }
 * const same = await store.getArticle(article.id)
 */
export function createMemoryStore(): NewsloomStore {
  const stories = createMemoryStories();
  const articles = createMemoryArticles(stories.members);
  const outlets = createDocMap(OutletSchema, 'outlets', (o) => o.id);
  const feeds = createDocMap(FeedSchema, 'feeds', (f) => f.id);
  const summaries = createDocMap(StorySummarySchema, 'summaries', (s) => s.storyId);
  const runs = createDocMap(RunSchema, 'runs', (r) => r.id);
  const pipeline = createMemoryPipelineState(stories.upsert);
  const coverage: { id: number; createdAt: string; doc: string }[] = [];
  const backend: StoreBackend = {
    label: 'Memory store',
    toError: (thrown, action) =>
      NewsloomError.from(thrown, 'STORE_ERROR', `Cannot ${action} the memory store`),
    upsertArticles: articles.upsert,
    getArticle: articles.get,
    articlePage: articles.page,
    articlesAfter: articles.after,
    latestSequence: articles.latestSequence,
    articlesByIds: articles.byIds,
    searchArticles: articles.search,
    upsertStories: stories.upsert,
    resolveStory: stories.resolve,
    getStory: stories.getById,
    storiesUpdatedSince: stories.updatedSince,
    storiesChangedSince: stories.changedSince,
    membership: stories.membership,
    upsertOutlets: outlets.upsert,
    listOutlets: () => outlets.sorted((a, b) => compareStrings(a.key, b.key)),
    upsertFeeds: feeds.upsert,
    listFeeds: () => feeds.sorted((a, b) => compareStrings(a.key, b.key)),
    saveSummaries: summaries.upsert,
    getSummary: summaries.get,
    listSummaries: () => summaries.sorted((a, b) => compareStrings(a.key, b.key)),
    saveCoverage(report, createdAt): CoverageSnapshot {
      const doc = canonicalJson(report);
      coverage.push({ id: coverage.length + 1, createdAt, doc });
      return { id: coverage.length, createdAt, report };
    },
    latestCoverage() {
      const latest = coverage.reduce<(typeof coverage)[number] | undefined>(
        (best, row) => (best === undefined || row.createdAt >= best.createdAt ? row : best),
        undefined,
      );
      if (latest === undefined) return undefined;
      const report = decodeRow(CoverageReportSchema, latest.doc, `coverage_snapshots ${latest.id}`);
      return { id: latest.id, createdAt: latest.createdAt, report };
    },
    saveRuns: runs.upsert,
    listRuns: () =>
      runs.sorted(
        (a, b) =>
          compareStrings(sortableTime(b.value.startedAt), sortableTime(a.value.startedAt)) ||
          compareStrings(a.key, b.key),
      ),
    loadPipelineState: pipeline.load,
    pipelineRevision: pipeline.revision,
    commitClusterRun: pipeline.commit,
    listQuarantined: pipeline.quarantined,
    close: () => undefined,
  };
  return createStoreFacade(backend);
}

function createDocMap<S extends z.ZodType>(
  schema: S,
  table: string,
  keyOf: (record: z.infer<S>) => string,
) {
  type T = z.infer<S>;
  const docs = new Map<string, string>();
  const decode = (key: string, doc: string): T => decodeRow(schema, doc, `${table} ${key}`);
  return {
    upsert(records: readonly T[]): UpsertCounts {
      const prepared = records.map((record) => [keyOf(record), canonicalJson(record)] as const);
      const counts = { inserted: 0, updated: 0, unchanged: 0 };
      for (const [key, doc] of prepared) {
        const existing = docs.get(key);
        if (existing === doc) counts.unchanged += 1;
        else if (existing === undefined) counts.inserted += 1;
        else counts.updated += 1;
        docs.set(key, doc);
      }
      return counts;
    },
    get: (key: string): T | undefined => {
      const doc = docs.get(key);
      return doc === undefined ? undefined : decode(key, doc);
    },
    sorted(order: (a: { key: string; value: T }, b: { key: string; value: T }) => number): T[] {
      const entries = [...docs].map(([key, doc]) => ({ key, value: decode(key, doc) }));
      return entries.sort(order).map((entry) => entry.value);
    },
  };
}
