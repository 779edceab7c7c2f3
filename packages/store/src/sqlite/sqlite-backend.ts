import type { Database } from 'better-sqlite3';
import type { StoreBackend } from '../shared/backend';
import { toStoreError } from './errors';
import { createSqliteArticleReads } from './sqlite-article-reads';
import { createSqliteArticleWriter } from './sqlite-articles';
import { createSqliteDocs } from './sqlite-docs';
import { createSqlitePipelineState } from './sqlite-pipeline-state';
import { createSqliteStoryReads } from './sqlite-stories';
import { createSqliteStoryWriter } from './sqlite-story-writer';

/** The SQLite engine of a store, over an open, migrated connection. */
export function createSqliteBackend(db: Database, path: string): StoreBackend {
  const writer = createSqliteArticleWriter(db);
  const articles = createSqliteArticleReads(db);
  const storyWriter = createSqliteStoryWriter(db);
  const stories = createSqliteStoryReads(db);
  const docs = createSqliteDocs(db);
  const label = `SQLite store ${path}`;
  const state = createSqlitePipelineState(db, label, storyWriter.upsertInTransaction);
  return {
    label,
    toError: (thrown, action) => toStoreError(thrown, path, action),
    upsertArticles: writer.upsert,
    getArticle: articles.get,
    articlePage: articles.page,
    articlesAfter: articles.after,
    articleKeysAfter: articles.keysAfter,
    latestSequence: articles.latestSequence,
    articlesByIds: articles.byIds,
    searchArticles: articles.search,
    upsertStories: storyWriter.upsert,
    resolveStory: stories.resolve,
    getStory: stories.getById,
    storiesUpdatedSince: stories.updatedSince,
    storiesChangedSince: stories.changedSince,
    membership: stories.membership,
    upsertOutlets: docs.outlets.upsert,
    listOutlets: docs.outlets.all,
    upsertFeeds: docs.feeds.upsert,
    listFeeds: docs.feeds.all,
    saveSummaries: docs.summaries.upsert,
    getSummary: docs.summaries.get,
    listSummaries: docs.summaries.all,
    saveCoverage: docs.saveCoverage,
    latestCoverage: docs.latestCoverage,
    saveRuns: docs.runs.upsert,
    listRuns: docs.runs.all,
    loadPipelineState: state.load,
    pipelineRevision: state.revision,
    commitClusterRun: state.commit,
    listQuarantined: state.quarantined,
    close: () => {
      db.close();
    },
  };
}
