import {
  type ClusterRunCommit,
  type PipelineRevision,
  type PipelineState,
  PipelineStateSchema,
  type QuarantineEntry,
  QuarantineEntrySchema,
  type Story,
  type UpsertCounts,
} from '@newsloom/core';
import type { Database } from 'better-sqlite3';
import { canonicalJson, sortableTime } from '../shared/canonical';
import { decodeRow } from '../shared/decode';
import { stateConflict } from '../shared/pipeline-state';

/**
 * The pipeline state row and the quarantine table of one SQLite connection. A cluster run
 * commits stories, quarantine and state in one `BEGIN IMMEDIATE` transaction, after checking
 * the revision it read is still the stored one.
 */
export function createSqlitePipelineState(
  db: Database,
  label: string,
  upsertStories: (stories: readonly Story[]) => UpsertCounts,
) {
  const selectState = db.prepare<[], { revision: number; doc: string }>(
    'SELECT revision, doc FROM pipeline_state WHERE id = 1',
  );
  // json_extract reads the number out of the document in C; no JSON reaches JavaScript.
  const selectRevision = db.prepare<[], PipelineRevision>(
    `SELECT revision, json_extract(doc, '$.watermark') AS watermark FROM pipeline_state
     WHERE id = 1`,
  );
  const writeState = db.prepare(
    `INSERT INTO pipeline_state (id, revision, doc) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, doc = excluded.doc`,
  );
  const writeQuarantine = db.prepare(
    `INSERT INTO quarantine (article_id, reason, at, doc) VALUES (?, ?, ?, ?)
     ON CONFLICT (article_id) DO UPDATE SET reason = excluded.reason, at = excluded.at,
       doc = excluded.doc`,
  );
  const selectQuarantine = db.prepare<[], { article_id: string; doc: string }>(
    'SELECT article_id, doc FROM quarantine ORDER BY article_id',
  );

  const commit = db.transaction((run: ClusterRunCommit): UpsertCounts => {
    const found = selectState.get()?.revision;
    if (found !== run.expectedRevision) throw stateConflict(label, run.expectedRevision, found);
    const counts = upsertStories(run.stories);
    for (const entry of run.quarantined ?? []) {
      writeQuarantine.run(
        entry.articleId,
        entry.reason,
        sortableTime(entry.at),
        canonicalJson(entry),
      );
    }
    writeState.run(run.state.revision, canonicalJson(run.state));
    return counts;
  });

  return {
    load(): PipelineState | undefined {
      const row = selectState.get();
      return row === undefined
        ? undefined
        : decodeRow(PipelineStateSchema, row.doc, `pipeline_state of ${label}`);
    },
    revision: (): PipelineRevision | undefined => selectRevision.get(),
    commit: (run: ClusterRunCommit): UpsertCounts => commit.immediate(run),
    quarantined(): QuarantineEntry[] {
      return selectQuarantine
        .all()
        .map((row) => decodeRow(QuarantineEntrySchema, row.doc, `quarantine ${row.article_id}`));
    },
  };
}
