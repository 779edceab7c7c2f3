import {
  type ClusterRunCommit,
  describeZodIssues,
  NewsloomError,
  PipelineStateSchema,
  QuarantineEntrySchema,
} from '@newsloom/core';

/**
 * The `STATE_CONFLICT` error every engine throws when the stored revision is not the one a
 * cluster run read.
 * @example throw stateConflict('SQLite store news.db', 3, 4)
 */
export function stateConflict(
  label: string,
  expected: number | undefined,
  found: number | undefined,
): NewsloomError {
  const show = (revision: number | undefined) =>
    revision === undefined ? 'none' : `revision ${revision}`;
  return new NewsloomError(
    'STATE_CONFLICT',
    `Cannot commit the cluster run to ${label}: it read pipeline state ${show(expected)} but ` +
      `another run committed ${show(found)} first; nothing was written — reload the state and retry`,
    { details: { expectedRevision: expected, foundRevision: found } },
  );
}

/** Validates a commit before an engine sees it. */
export function checkCommit(run: ClusterRunCommit): ClusterRunCommit {
  const state = PipelineStateSchema.safeParse(run.state);
  if (!state.success) throw invalidCommit(`state: ${describeZodIssues(state.error)}`);
  const quarantined = (run.quarantined ?? []).map((entry) => {
    const parsed = QuarantineEntrySchema.safeParse(entry);
    if (!parsed.success)
      throw invalidCommit(`quarantine entry: ${describeZodIssues(parsed.error)}`);
    return parsed.data;
  });
  const expected = run.expectedRevision;
  if (expected !== undefined && (!Number.isInteger(expected) || expected < 0)) {
    throw invalidCommit(`expectedRevision must be a whole number ≥ 0 (got ${expected})`);
  }
  const next = (expected ?? -1) + 1;
  if (state.data.revision !== next) {
    throw invalidCommit(
      `state.revision must be ${next}, one above expectedRevision (got ${state.data.revision})`,
    );
  }
  return { stories: run.stories, state: state.data, expectedRevision: expected, quarantined };
}

function invalidCommit(problem: string): NewsloomError {
  return new NewsloomError('INVALID_INPUT', `Invalid cluster run commit: ${problem}`);
}
