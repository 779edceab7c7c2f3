import { assembleBackend, type StoreBackend } from '@newsloom/store';
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
  return assembleBackend({
    label,
    toError: (thrown, action) => toPostgresError(thrown, label, action),
    upsertArticles: (batch) => upsertArticlesPostgres(pool, schema, batch),
    upsertStories: (batch) => withTransaction(pool, (client) => upsertStoriesOn(client, batch)),
    articles,
    stories,
    docs,
    state,
    close: async () => {
      if (ownsPool) await pool.end();
    },
  });
}
