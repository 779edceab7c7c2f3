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
import { canonicalJson, compareStrings } from '../shared/canonical';
import { decodeRow } from '../shared/decode';
import { stateConflict } from '../shared/pipeline-state';

const LABEL = 'Memory store';

/** The pipeline state and quarantine in memory, with the commit semantics of SQLite. */
export function createMemoryPipelineState(
  upsertStories: (stories: readonly Story[]) => UpsertCounts,
) {
  let state: { revision: number; watermark: number; doc: string } | undefined;
  const quarantine = new Map<string, string>();
  return {
    load(): PipelineState | undefined {
      return state === undefined
        ? undefined
        : decodeRow(PipelineStateSchema, state.doc, `pipeline_state of ${LABEL}`);
    },
    revision(): PipelineRevision | undefined {
      return state === undefined
        ? undefined
        : { revision: state.revision, watermark: state.watermark };
    },
    commit(run: ClusterRunCommit): UpsertCounts {
      if (state?.revision !== run.expectedRevision) {
        throw stateConflict(LABEL, run.expectedRevision, state?.revision);
      }
      // Serialise first (the only steps that can throw), so a commit applies wholly or not at all.
      const doc = canonicalJson(run.state);
      const entries = (run.quarantined ?? []).map((e) => [e.articleId, canonicalJson(e)] as const);
      const counts = upsertStories(run.stories);
      for (const [id, entry] of entries) quarantine.set(id, entry);
      state = { revision: run.state.revision, watermark: run.state.watermark, doc };
      return counts;
    },
    quarantined(): QuarantineEntry[] {
      return [...quarantine]
        .sort(([a], [b]) => compareStrings(a, b))
        .map(([id, doc]) => decodeRow(QuarantineEntrySchema, doc, `quarantine ${id}`));
    },
  };
}
