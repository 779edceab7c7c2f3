import { isNewsloomError } from '@newsloom/core';
import { isoNow, type PipelineContext } from './context';
import { pendingOf } from './pending';

const MAX_ATTEMPTS = 20;

/**
 * Removes from the state's pending summaries the stories just summarised (or found current):
 * `done` maps each due story id handled to the content key of the version handled (undefined:
 * no story holds that id now, e.g. merged away). An entry goes only if its key is the version
 * handled, so a story a concurrent cluster run changed meanwhile stays due. Keys, not stories:
 * a caller reading due stories in chunks keeps only these. Retries on `STATE_CONFLICT`.
 * @example await clearPendingKeys(context, new Map([[story.id, storyKey(story)]]))
 */
export async function clearPendingKeys(
  context: PipelineContext,
  done: ReadonlyMap<string, string | undefined>,
): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await clearOnce(context, done);
      return;
    } catch (error) {
      if (!isNewsloomError(error, 'STATE_CONFLICT') || attempt + 1 >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));
    }
  }
}

async function clearOnce(
  context: PipelineContext,
  done: ReadonlyMap<string, string | undefined>,
): Promise<void> {
  const state = await context.store.loadPipelineState();
  if (state === undefined) return;
  const pending = pendingOf(state);
  // A pending id that no story holds now (merged away) is done; a changed story is not.
  const remaining = Object.fromEntries(
    Object.entries(pending).filter(
      ([id, key]) => !done.has(id) || (done.get(id) !== undefined && done.get(id) !== key),
    ),
  );
  if (Object.keys(remaining).length === Object.keys(pending).length) return;
  await context.store.commitClusterRun({
    stories: [],
    state: {
      ...state,
      revision: state.revision + 1,
      updatedAt: isoNow(context.clock),
      meta: { ...state.meta, pendingSummaries: remaining },
    },
    expectedRevision: state.revision,
  });
}
