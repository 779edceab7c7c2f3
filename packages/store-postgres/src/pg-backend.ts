import type { StoreBackend } from '@newsloom/store';
import type pg from 'pg';
import { withTransaction } from './connection';
import { toPostgresError } from './errors';
import { createPostgresArticleReads } from './pg-article-reads';
import { upsertArticlesPostgres } from './pg-article-writer';
import { createPostgresDocs } from './pg-docs';
import { createPostgresPipelineState } from './pg-pipeline-state';
import { createPostgresStoryReads } from './pg-story-reads';
import { upsertStoriesOn } from './pg-story-writer';

/** The PostgreSQL engine of a store, over a pool whose search path is the migrated `schema`. */
export function createPostgresBackend(
  pool: pg.Pool,
  schema: string,
  label: string,
  ownsPool: boolean,
): StoreBackend {
  const articles = createPostgresArticleReads(pool);
  const stories = createPostgresStoryReads(pool);
  const docs = createPostgresDocs(pool);
  const state = createPostgresPipelineState(pool, schema, label);
  return {
    label,
    toError: (thrown, action) => toPostgresError(thrown, label, action),
    upsertArticles: (batch) => upsertArticlesPostgres(pool, schema, batch),
    getArticle: articles.get,
    articlePage: articles.page,
    articlesAfter: articles.after,
    articleKeysAfter: articles.keysAfter,
    latestSequence: articles.latestSequence,
    articlesByIds: articles.byIds,
    searchArticles: articles.search,
    upsertStories: (batch) => withTransaction(pool, (client) => upsertStoriesOn(client, batch)),
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
    close: async () => {
      if (ownsPool) await pool.end();
    },
  };
}
