import { NewsloomError } from '@newsloom/core';
import type { Database } from 'better-sqlite3';

/** One schema step. `up` is portable SQL except where FTS5 is named. */
export interface Migration {
  version: number;
  name: string;
  up: string;
}

const V1_CORE = `
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE outlets (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE feeds (
  id TEXT PRIMARY KEY, outlet_id TEXT NOT NULL, url TEXT NOT NULL, next_fetch_at TEXT,
  doc TEXT NOT NULL
);
CREATE INDEX feeds_outlet ON feeds (outlet_id);
CREATE INDEX feeds_next_fetch ON feeds (next_fetch_at);
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  canonical_url TEXT NOT NULL UNIQUE,
  outlet_id TEXT NOT NULL,
  feed_id TEXT,
  published_at TEXT NOT NULL,
  content_hash TEXT,
  fetched_at TEXT,
  first_seen_at TEXT,
  last_seen_at TEXT,
  content TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published_at, id);
CREATE INDEX articles_outlet ON articles (outlet_id, published_at, id);
CREATE INDEX articles_feed ON articles (feed_id, published_at, id);
CREATE TABLE stories (
  id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  changed_at TEXT NOT NULL, parent_id TEXT, doc TEXT NOT NULL
);
CREATE INDEX stories_updated ON stories (updated_at, id);
CREATE INDEX stories_changed ON stories (changed_at, id);
CREATE TABLE story_members (
  story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  article_id TEXT NOT NULL,
  PRIMARY KEY (story_id, article_id)
);
CREATE INDEX story_members_article ON story_members (article_id);
CREATE TABLE summaries (story_id TEXT PRIMARY KEY, updated_at TEXT NOT NULL, doc TEXT NOT NULL);
CREATE TABLE coverage_snapshots (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX coverage_created ON coverage_snapshots (created_at, id);
`;

const V2_HISTORY_RUNS_SEARCH = `
CREATE TABLE story_events (
  story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, type TEXT NOT NULL, at TEXT NOT NULL, other_id TEXT,
  article_ids TEXT NOT NULL,
  PRIMARY KEY (story_id, seq)
);
CREATE INDEX story_events_other ON story_events (other_id);
CREATE TABLE story_aliases (alias_id TEXT PRIMARY KEY, story_id TEXT NOT NULL);
CREATE TABLE runs (id TEXT PRIMARY KEY, started_at TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX runs_started ON runs (started_at, id);
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  body, content = '', contentless_delete = 1, detail = none,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (rowid, body)
  SELECT seq, json_extract(content, '$.title') || char(10) ||
    coalesce(json_extract(content, '$.summary'), '') || char(10) ||
    coalesce(json_extract(content, '$.text'), '')
  FROM articles;
`;

// Ingest sequence: a new, higher value on every insert and every content update (existing
// rows keep their insertion order); the pipeline state row; quarantined articles.
const V3_SEQUENCE_STATE_QUARANTINE = `
ALTER TABLE articles ADD COLUMN ingest_seq INTEGER;
UPDATE articles SET ingest_seq = seq;
CREATE UNIQUE INDEX articles_ingest_seq ON articles (ingest_seq);
CREATE TABLE pipeline_state (
  id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL, doc TEXT NOT NULL
);
CREATE TABLE quarantine (
  article_id TEXT PRIMARY KEY, reason TEXT NOT NULL, at TEXT NOT NULL, doc TEXT NOT NULL
);
`;

/** Every schema version, oldest first. Append only: never edit a released step. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'outlets, feeds, articles, stories, members, summaries, coverage',
    up: V1_CORE,
  },
  {
    version: 2,
    name: 'story history and aliases, runs, full-text search',
    up: V2_HISTORY_RUNS_SEARCH,
  },
  {
    version: 3,
    name: 'article ingest sequence, pipeline state, quarantine',
    up: V3_SEQUENCE_STATE_QUARANTINE,
  },
];

/** The schema version of a database: 0 when it has none yet. */
export function schemaVersion(db: Database): number {
  const table = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (table === undefined) return 0;
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as
    | { v: number | null }
    | undefined;
  return row?.v ?? 0;
}

/**
 * Brings a database to the latest version of `migrations`, all pending steps in one
 * transaction: a failure leaves the file exactly as it was.
 * @throws {NewsloomError} `STORE_TOO_NEW` when the file is newer than this code;
 *   `STORE_READONLY` when it needs migrating but was opened read-only.
 */
export function migrate(db: Database, path: string, options: MigrateOptions = {}): number {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) throw tooNew(path, current, latest);
  if (current === latest) return current;
  if (options.readonly) {
    throw new NewsloomError(
      'STORE_READONLY',
      `Cannot open ${path} read-only: its schema (v${current}) must first be migrated to v${latest}; ` +
        'open it once without { readonly: true } to migrate it',
      { details: { path, version: current, latest } },
    );
  }
  const run = db.transaction(() => {
    const again = schemaVersion(db);
    if (again > latest) throw tooNew(path, again, latest);
    for (const step of migrations) {
      if (step.version <= again) continue;
      db.exec(step.up);
      db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)').run(
        step.version,
        step.name,
      );
    }
  });
  run.immediate();
  return latest;
}

/** Options of {@link migrate}. */
export interface MigrateOptions {
  migrations?: readonly Migration[];
  readonly?: boolean;
}

function tooNew(path: string, version: number, latest: number): NewsloomError {
  return new NewsloomError(
    'STORE_TOO_NEW',
    `Cannot open ${path}: it has schema v${version}, written by a newer @newsloom/store, and this ` +
      `version knows up to v${latest}; upgrade @newsloom/store (never downgrade a database)`,
    { details: { path, version, latest } },
  );
}
