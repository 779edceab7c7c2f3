import { createHash } from 'node:crypto';
import {
  type ClusterRunCommit,
  type PipelineRevision,
  type PipelineState,
  PipelineStateSchema,
  type QuarantineEntry,
  QuarantineEntrySchema,
  type UpsertCounts,
} from '@newsloom/core';
import { canonicalJson, decodeRow, sortableTime, stateConflict } from '@newsloom/store';
import type pg from 'pg';
import { LOCKS, lockTransaction, withTransaction } from './connection';
import { upsertStoriesOn } from './pg-story-writer';

/**
 * The pipeline state row and quarantine of a PostgreSQL store. A cluster run commits stories,
 * quarantine and state in one transaction that first takes the store's state advisory lock
 * (the state row may not exist yet, so a row lock alone cannot serialise the first commit)
 * and then checks the stored revision.
 */
export function createPostgresPipelineState(pool: pg.Pool, schema: string, label: string) {
  // The last state this process read or committed, as stored (canonical JSON, validated): a
  // load that finds the same document (by MD5) does not transfer and decode the whole snapshot
  // again (a clusterer loads the state before every run, most often the one it committed).
  let last: { md5: string; doc: string } | undefined;
  return {
    async load(): Promise<PipelineState | undefined> {
      const result = await pool.query<{ doc: string | null }>(
        `SELECT CASE WHEN md5(doc) = $1 THEN NULL ELSE doc END AS doc
         FROM pipeline_state WHERE id = 1`,
        [last?.md5 ?? ''],
      );
      const row = result.rows[0];
      if (row === undefined) return undefined;
      if (row.doc === null && last !== undefined) return JSON.parse(last.doc) as PipelineState;
      const doc = row.doc ?? '';
      const state = decodeRow(PipelineStateSchema, doc, `pipeline_state of ${label}`);
      last = { md5: md5(doc), doc };
      return state;
    },
    async revision(): Promise<PipelineRevision | undefined> {
      const result = await pool.query<{ revision: string; watermark: string }>(
        'SELECT revision, watermark FROM pipeline_state WHERE id = 1',
      );
      const row = result.rows[0];
      return row && { revision: Number(row.revision), watermark: Number(row.watermark) };
    },
    commit: async (run: ClusterRunCommit): Promise<UpsertCounts> => {
      const doc = canonicalJson(run.state);
      const counts = await withTransaction(pool, async (client) => {
        await lockTransaction(client, schema, LOCKS.state);
        const stored = await client.query<{ revision: string }>(
          'SELECT revision FROM pipeline_state WHERE id = 1 FOR UPDATE',
        );
        const found = stored.rows[0] === undefined ? undefined : Number(stored.rows[0].revision);
        if (found !== run.expectedRevision) throw stateConflict(label, run.expectedRevision, found);
        const written = await upsertStoriesOn(client, run.stories);
        await writeQuarantine(client, run.quarantined ?? []);
        await client.query(
          `INSERT INTO pipeline_state (id, revision, watermark, doc) VALUES (1, $1, $2, $3)
           ON CONFLICT (id) DO UPDATE SET revision = excluded.revision,
             watermark = excluded.watermark, doc = excluded.doc`,
          [run.state.revision, run.state.watermark, doc],
        );
        return written;
      });
      last = { md5: md5(doc), doc };
      return counts;
    },
    async quarantined(): Promise<QuarantineEntry[]> {
      const result = await pool.query<{ article_id: string; doc: string }>(
        'SELECT article_id, doc FROM quarantine ORDER BY article_id',
      );
      return result.rows.map((row) =>
        decodeRow(QuarantineEntrySchema, row.doc, `quarantine ${row.article_id}`),
      );
    },
  };
}

/** One row per article (the last entry wins): ON CONFLICT cannot touch a row twice. */
async function writeQuarantine(client: pg.PoolClient, all: readonly QuarantineEntry[]) {
  const entries = [...new Map(all.map((e) => [e.articleId, e])).values()];
  if (entries.length === 0) return;
  await client.query(
    `INSERT INTO quarantine (article_id, reason, at, doc)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (article_id) DO UPDATE SET reason = excluded.reason, at = excluded.at,
       doc = excluded.doc`,
    [
      entries.map((e) => e.articleId),
      entries.map((e) => e.reason),
      entries.map((e) => sortableTime(e.at)),
      entries.map((e) => canonicalJson(e)),
    ],
  );
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}
