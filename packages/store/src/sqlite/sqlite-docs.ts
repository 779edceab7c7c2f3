import type { CoverageReport, CoverageSnapshot, UpsertCounts } from '@newsloom/core';
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { canonicalJson } from '../shared/canonical';
import {
  DOC_TABLES,
  type DocTableSpec,
  decodeCoverageRow,
  decodeDoc,
  LATEST_COVERAGE_SQL,
} from '../shared/doc-tables';

/** Upsert, list and get over one doc table of a SQLite store (its layout: `DOC_TABLES`). */
function createDocTable<S extends z.ZodType>(db: Database, spec: DocTableSpec<S>) {
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
  const decode = (row: { k: string; doc: string }): T => decodeDoc(spec, row.k, row.doc);
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
  const insertCoverage = db.prepare(
    'INSERT INTO coverage_snapshots (created_at, doc) VALUES (?, ?)',
  );
  const latestCoverage = db.prepare<[], { id: number; created_at: string; doc: string }>(
    LATEST_COVERAGE_SQL,
  );
  return {
    outlets: createDocTable(db, DOC_TABLES.outlets),
    feeds: createDocTable(db, DOC_TABLES.feeds),
    summaries: createDocTable(db, DOC_TABLES.summaries),
    runs: createDocTable(db, DOC_TABLES.runs),
    saveCoverage(report: CoverageReport, createdAt: string): CoverageSnapshot {
      const result = insertCoverage.run(createdAt, canonicalJson(report));
      return { id: Number(result.lastInsertRowid), createdAt, report };
    },
    latestCoverage(): CoverageSnapshot | undefined {
      const row = latestCoverage.get();
      return row === undefined ? undefined : decodeCoverageRow(row);
    },
  };
}
