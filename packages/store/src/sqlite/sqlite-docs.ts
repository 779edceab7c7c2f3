import {
  type CoverageReport,
  CoverageReportSchema,
  type CoverageSnapshot,
  type Feed,
  FeedSchema,
  type Outlet,
  OutletSchema,
  type StorySummary,
  StorySummarySchema,
  type UpsertCounts,
} from '@newsloom/core';
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { canonicalJson, sortableTime } from '../shared/canonical';
import { decodeRow } from '../shared/decode';
import { type Run, RunSchema } from '../shared/run';

/** A table of whole records stored as canonical JSON `doc`, keyed by `key`, with index columns. */
interface DocTable<T> {
  table: string;
  key: string;
  /** Extra indexed columns and how to compute them from a record. */
  columns: Record<string, (record: T) => string | null>;
  keyOf: (record: T) => string;
  orderBy: string;
}

function createDocTable<S extends z.ZodType>(db: Database, schema: S, spec: DocTable<z.infer<S>>) {
  type T = z.infer<S>;
  const names = [spec.key, ...Object.keys(spec.columns), 'doc'];
  const compute = Object.values(spec.columns);
  const select = db.prepare<[string], { doc: string }>(
    `SELECT doc FROM ${spec.table} WHERE ${spec.key} = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO ${spec.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
  );
  const update = db.prepare(
    `UPDATE ${spec.table} SET ${names
      .slice(1)
      .map((name) => `${name} = ?`)
      .join(', ')} WHERE ${spec.key} = ?`,
  );
  const upsert = db.transaction((records: readonly T[]): UpsertCounts => {
    const counts = { inserted: 0, updated: 0, unchanged: 0 };
    for (const record of records) {
      const key = spec.keyOf(record);
      const doc = canonicalJson(record);
      const existing = select.get(key);
      const values = [...compute.map((column) => column(record)), doc];
      if (existing === undefined) {
        insert.run(key, ...values);
        counts.inserted += 1;
      } else if (existing.doc === doc) {
        counts.unchanged += 1;
      } else {
        update.run(...values, key);
        counts.updated += 1;
      }
    }
    return counts;
  });
  const selectAll = db.prepare<[], { k: string; doc: string }>(
    `SELECT ${spec.key} AS k, doc FROM ${spec.table} ORDER BY ${spec.orderBy}`,
  );
  const decode = (row: { k: string; doc: string }): T =>
    decodeRow(schema, row.doc, `${spec.table} ${row.k}`);
  return {
    upsert: (records: readonly T[]) => upsert.immediate(records),
    all: (): T[] => selectAll.all().map(decode),
    get: (key: string): T | undefined => {
      const row = select.get(key);
      return row === undefined ? undefined : decode({ k: key, doc: row.doc });
    },
  };
}

/** Outlet, feed, summary, run and coverage statements of one SQLite connection. */
export function createSqliteDocs(db: Database) {
  const outlets = createDocTable(db, OutletSchema, {
    table: 'outlets',
    key: 'id',
    columns: {},
    keyOf: (o: Outlet) => o.id,
    orderBy: 'id',
  });
  const feeds = createDocTable(db, FeedSchema, {
    table: 'feeds',
    key: 'id',
    columns: {
      outlet_id: (f: Feed) => f.outletId,
      url: (f: Feed) => f.url,
      next_fetch_at: (f: Feed) =>
        f.nextFetchAt === undefined ? null : sortableTime(f.nextFetchAt),
    },
    keyOf: (f: Feed) => f.id,
    orderBy: 'id',
  });
  const summaries = createDocTable(db, StorySummarySchema, {
    table: 'summaries',
    key: 'story_id',
    columns: { updated_at: (s: StorySummary) => sortableTime(s.updatedAt) },
    keyOf: (s: StorySummary) => s.storyId,
    orderBy: 'story_id',
  });
  const runs = createDocTable(db, RunSchema, {
    table: 'runs',
    key: 'id',
    columns: { started_at: (r: Run) => sortableTime(r.startedAt) },
    keyOf: (r: Run) => r.id,
    orderBy: 'started_at DESC, id',
  });
  const insertCoverage = db.prepare(
    'INSERT INTO coverage_snapshots (created_at, doc) VALUES (?, ?)',
  );
  const latestCoverage = db.prepare<[], { id: number; created_at: string; doc: string }>(
    'SELECT id, created_at, doc FROM coverage_snapshots ORDER BY created_at DESC, id DESC LIMIT 1',
  );
  return {
    outlets,
    feeds,
    summaries,
    runs,
    saveCoverage(report: CoverageReport, createdAt: string): CoverageSnapshot {
      const result = insertCoverage.run(createdAt, canonicalJson(report));
      return { id: Number(result.lastInsertRowid), createdAt, report };
    },
    latestCoverage(): CoverageSnapshot | undefined {
      const row = latestCoverage.get();
      if (row === undefined) return undefined;
      const report = decodeRow(CoverageReportSchema, row.doc, `coverage_snapshots ${row.id}`);
      return { id: row.id, createdAt: row.created_at, report };
    },
  };
}
