import type { CoverageReport, CoverageSnapshot, UpsertCounts } from '@newsloom/core';
import {
  canonicalJson,
  DOC_TABLES,
  type DocTableSpec,
  decodeCoverageRow,
  decodeDoc,
  LATEST_COVERAGE_SQL,
} from '@newsloom/store';
import type pg from 'pg';
import type { z } from 'zod';
import { json, withTransaction } from './connection';

/** Upsert, list and get over one doc table of a PostgreSQL store (its layout: `DOC_TABLES`). */
function createDocTable<S extends z.ZodType>(pool: pg.Pool, spec: DocTableSpec<S>) {
  type T = z.infer<S>;
  const names = [spec.key, ...Object.keys(spec.columns), 'doc'];
  const compute = Object.values(spec.columns);
  const placeholders = names.map((_, i) => `$${i + 1}`).join(', ');
  const updates = names.slice(1).map((name) => `${name} = excluded.${name}`);
  // Upsert only when the doc differs; xmax = 0 tells an insert from an update.
  const upsertSql = `INSERT INTO ${spec.table} (${names.join(', ')}) VALUES (${placeholders})
    ON CONFLICT (${spec.key}) DO UPDATE SET ${updates.join(', ')}
    WHERE ${spec.table}.doc IS DISTINCT FROM excluded.doc
    RETURNING (xmax = 0) AS inserted`;
  const decode = (row: { k: string; doc: string }): T => decodeDoc(spec, row.k, row.doc);
  const rowOf = (record: T) => [
    spec.keyOf(record),
    ...compute.map((c) => c(record)),
    canonicalJson(record),
  ];
  /**
   * One statement (SQL text with a JSON literal) upserting records of distinct keys: it can go
   * in the same round trip as other statements of a transaction.
   */
  const upsertDistinctSql = (records: readonly T[]): string => {
    if (records.length === 0) return '';
    const objects = records.map((record) => {
      const values = rowOf(record);
      return Object.fromEntries(names.map((name, i) => [name, values[i] ?? null]));
    });
    return `INSERT INTO ${spec.table} (${names.join(', ')})
      SELECT * FROM json_to_recordset(${json(objects)}) AS u(${names.map((n) => `${n} text`).join(', ')})
      ON CONFLICT (${spec.key}) DO UPDATE SET ${updates.join(', ')}
      WHERE ${spec.table}.doc IS DISTINCT FROM excluded.doc
      RETURNING (xmax = 0) AS inserted`;
  };
  const countOf = (rows: readonly { inserted: boolean }[], total: number): UpsertCounts => {
    const inserted = rows.filter((row) => row.inserted).length;
    return { inserted, updated: rows.length - inserted, unchanged: total - rows.length };
  };
  return {
    upsertDistinctSql,
    upsert: async (records: readonly T[]): Promise<UpsertCounts> => {
      // A key twice in one batch: one statement cannot update a row twice, so one by one.
      if (new Set(records.map(spec.keyOf)).size === records.length) {
        if (records.length === 0) return countOf([], 0);
        const result = await pool.query<{ inserted: boolean }>(upsertDistinctSql(records));
        return countOf(result.rows, records.length);
      }
      return withTransaction(pool, async (client) => {
        const counts = { inserted: 0, updated: 0, unchanged: 0 };
        for (const record of records) {
          const result = await client.query<{ inserted: boolean }>(upsertSql, rowOf(record));
          const row = result.rows[0];
          if (row === undefined) counts.unchanged += 1;
          else if (row.inserted) counts.inserted += 1;
          else counts.updated += 1;
        }
        return counts;
      });
    },
    all: async (): Promise<T[]> =>
      (
        await pool.query<{ k: string; doc: string }>(
          `SELECT ${spec.key} AS k, doc FROM ${spec.table} ORDER BY ${spec.orderBy}`,
        )
      ).rows.map(decode),
    get: async (key: string): Promise<T | undefined> => {
      const result = await pool.query<{ k: string; doc: string }>(
        `SELECT ${spec.key} AS k, doc FROM ${spec.table} WHERE ${spec.key} = $1`,
        [key],
      );
      const row = result.rows[0];
      return row === undefined ? undefined : decode(row);
    },
  };
}

/** Outlet, feed, summary, run and coverage tables of a PostgreSQL store. */
export function createPostgresDocs(pool: pg.Pool) {
  return {
    outlets: createDocTable(pool, DOC_TABLES.outlets),
    feeds: createDocTable(pool, DOC_TABLES.feeds),
    summaries: createDocTable(pool, DOC_TABLES.summaries),
    runs: createDocTable(pool, DOC_TABLES.runs),
    async saveCoverage(report: CoverageReport, createdAt: string): Promise<CoverageSnapshot> {
      const result = await pool.query<{ id: string }>(
        'INSERT INTO coverage_snapshots (created_at, doc) VALUES ($1, $2) RETURNING id',
        [createdAt, canonicalJson(report)],
      );
      return { id: Number(result.rows[0]?.id), createdAt, report };
    },
    async latestCoverage(): Promise<CoverageSnapshot | undefined> {
      const result = await pool.query<{ id: string; created_at: string; doc: string }>(
        LATEST_COVERAGE_SQL,
      );
      const row = result.rows[0];
      return row === undefined ? undefined : decodeCoverageRow(row);
    },
  };
}
