/** One schema step of the PostgreSQL store. Append only: never edit a released step. */
export interface PostgresMigration {
  version: number;
  name: string;
  up: string;
}

// Text keys and times use the "C" collation: byte order, so ORDER BY matches SQLite's BINARY
// order and the memory engine's code-unit order. Times are sortable ISO strings, as in SQLite.
const C = 'text COLLATE "C"';

const V1_STORE = `
CREATE TABLE outlets (id ${C} PRIMARY KEY, doc text NOT NULL);
CREATE TABLE feeds (
  id ${C} PRIMARY KEY, outlet_id ${C} NOT NULL, url text NOT NULL, next_fetch_at ${C},
  doc text NOT NULL
);
CREATE INDEX feeds_outlet ON feeds (outlet_id);
CREATE INDEX feeds_next_fetch ON feeds (next_fetch_at);
CREATE TABLE articles (
  seq bigserial PRIMARY KEY,
  id ${C} NOT NULL UNIQUE,
  canonical_url text NOT NULL,
  outlet_id ${C} NOT NULL,
  feed_id ${C},
  published_at ${C} NOT NULL,
  content_hash text,
  fetched_at text,
  first_seen_at text,
  last_seen_at text,
  content text NOT NULL,
  ingest_seq bigint UNIQUE,
  search tsvector NOT NULL,
  CONSTRAINT articles_canonical_url UNIQUE (canonical_url) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX articles_published ON articles (published_at, id);
CREATE INDEX articles_outlet ON articles (outlet_id, published_at, id);
CREATE INDEX articles_feed ON articles (feed_id, published_at, id);
CREATE INDEX articles_search ON articles USING gin (search);
CREATE TABLE stories (
  id ${C} PRIMARY KEY, created_at ${C} NOT NULL, updated_at ${C} NOT NULL,
  changed_at ${C} NOT NULL, parent_id ${C}, doc text NOT NULL
);
CREATE INDEX stories_updated ON stories (updated_at, id);
CREATE INDEX stories_changed ON stories (changed_at, id);
CREATE TABLE story_members (
  story_id ${C} NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  article_id ${C} NOT NULL,
  PRIMARY KEY (story_id, article_id)
);
CREATE INDEX story_members_article ON story_members (article_id);
CREATE TABLE story_events (
  story_id ${C} NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  seq integer NOT NULL, type text NOT NULL, at ${C} NOT NULL, other_id ${C},
  article_ids text NOT NULL,
  PRIMARY KEY (story_id, seq)
);
CREATE TABLE story_aliases (alias_id ${C} PRIMARY KEY, story_id ${C} NOT NULL);
CREATE INDEX story_aliases_story ON story_aliases (story_id);
CREATE TABLE summaries (story_id ${C} PRIMARY KEY, updated_at ${C} NOT NULL, doc text NOT NULL);
CREATE TABLE coverage_snapshots (id bigserial PRIMARY KEY, created_at ${C} NOT NULL, doc text NOT NULL);
CREATE INDEX coverage_created ON coverage_snapshots (created_at, id);
CREATE TABLE runs (id ${C} PRIMARY KEY, started_at ${C} NOT NULL, doc text NOT NULL);
CREATE INDEX runs_started ON runs (started_at, id);
CREATE TABLE pipeline_state (
  id integer PRIMARY KEY CHECK (id = 1), revision bigint NOT NULL, doc text NOT NULL
);
CREATE TABLE quarantine (
  article_id ${C} PRIMARY KEY, reason text NOT NULL, at ${C} NOT NULL, doc text NOT NULL
);
`;

// Coordination of \`newsloom worker\` processes: one row per host (politeness lease) and the
// clusterer's heartbeat, so \`newsloom worker --status\` can show who holds what.
const V2_WORKERS = `
CREATE TABLE host_leases (
  host ${C} PRIMARY KEY,
  holder text,
  leased_until timestamptz,
  next_allowed_at timestamptz NOT NULL DEFAULT now(),
  requests bigint NOT NULL DEFAULT 0
);
CREATE TABLE worker_heartbeats (
  worker_id text PRIMARY KEY, role text NOT NULL, detail text NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now()
);
`;

// The state's watermark beside its document, so the revision check of a clusterer that keeps its
// state in memory, and every lag reading, cost one small row, not the clusterer snapshot.
const V3_STATE_WATERMARK = `
ALTER TABLE pipeline_state ADD COLUMN watermark bigint;
UPDATE pipeline_state SET watermark = (doc::json->>'watermark')::bigint;
ALTER TABLE pipeline_state ALTER COLUMN watermark SET NOT NULL;
`;

/** Every schema version of the PostgreSQL store, oldest first. */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'outlets, feeds, articles (ingest sequence, tsvector), stories, history, state',
    up: V1_STORE,
  },
  { version: 2, name: 'worker host leases and heartbeats', up: V2_WORKERS },
  { version: 3, name: 'pipeline state watermark column', up: V3_STATE_WATERMARK },
];
