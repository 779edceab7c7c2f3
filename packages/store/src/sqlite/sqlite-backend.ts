import type { Database } from 'better-sqlite3';
import { assembleBackend } from '../shared/assemble-backend';
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
  return assembleBackend({
    label,
    toError: (thrown, action) => toStoreError(thrown, path, action),
    upsertArticles: writer.upsert,
    upsertStories: storyWriter.upsert,
    articles,
    stories,
    docs,
    state,
    close: () => {
      db.close();
    },
  });
}
