import {
  CoverageReportSchema,
  type CoverageSnapshot,
  type Feed,
  FeedSchema,
  type Outlet,
  OutletSchema,
  type StorySummary,
  StorySummarySchema,
} from '@newsloom/core';
import type { z } from 'zod';
import { sortableTime } from './canonical';
import { decodeRow } from './decode';
import { type Run, RunSchema } from './run';

/**
 * A table of whole records stored as canonical JSON in a `doc` column, keyed by `key`, with
 * extra indexed columns computed from each record. Every SQL engine lays these tables out the
 * same way; this is the one place that says how.
 */
export interface DocTableSpec<S extends z.ZodType> {
  /** Decodes a stored doc. */
  schema: S;
  table: string;
  key: string;
  /** Extra indexed columns and how to compute them from a record. */
  columns: Record<string, (record: z.infer<S>) => string | null>;
  keyOf: (record: z.infer<S>) => string;
  /** `ORDER BY` of a listing. */
  orderBy: string;
}

/** The outlet, feed, summary and run tables of an SQL engine. */
export const DOC_TABLES = {
  outlets: {
    schema: OutletSchema,
    table: 'outlets',
    key: 'id',
    columns: {},
    keyOf: (o: Outlet) => o.id,
    orderBy: 'id',
  },
  feeds: {
    schema: FeedSchema,
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
  },
  summaries: {
    schema: StorySummarySchema,
    table: 'summaries',
    key: 'story_id',
    columns: { updated_at: (s: StorySummary) => sortableTime(s.updatedAt) },
    keyOf: (s: StorySummary) => s.storyId,
    orderBy: 'story_id',
  },
  runs: {
    schema: RunSchema,
    table: 'runs',
    key: 'id',
    columns: { started_at: (r: Run) => sortableTime(r.startedAt) },
    keyOf: (r: Run) => r.id,
    orderBy: 'started_at DESC, id',
  },
};

/** Decodes a stored doc of `spec`'s table; `key` names the row in the error of a bad doc. */
export function decodeDoc<S extends z.ZodType>(
  spec: DocTableSpec<S>,
  key: string,
  doc: string,
): z.infer<S> {
  return decodeRow(spec.schema, doc, `${spec.table} ${key}`);
}

/** The latest coverage snapshot from its stored row (the `coverage_snapshots` table). */
export function decodeCoverageRow(row: {
  id: number | string;
  created_at: string;
  doc: string;
}): CoverageSnapshot {
  const report = decodeRow(CoverageReportSchema, row.doc, `coverage_snapshots ${row.id}`);
  return { id: Number(row.id), createdAt: row.created_at, report };
}

/** SQL of the latest coverage snapshot, the same for every engine. */
export const LATEST_COVERAGE_SQL =
  'SELECT id, created_at, doc FROM coverage_snapshots ORDER BY created_at DESC, id DESC LIMIT 1';
