import { isNewsloomError, type Story, type StoryId } from '@newsloom/core';
import { isoNow, type PipelineContext } from './context';
import { pendingOf, storyKey } from './pending';

const MAX_ATTEMPTS = 20;

/**
 * Removes from the state's pending summaries the stories just summarised (or found current):
 * an entry goes only if its key is the version summarised, so a story a concurrent cluster run
 * changed meanwhile stays due. Retries on `STATE_CONFLICT`.
 * @example await clearPending(context, ids, stories)
 */
export async function clearPending(
  context: PipelineContext,
  ids: readonly StoryId[],
  stories: readonly Story[],
): Promise<void> {
  const done = new Map<string, string | undefined>(ids.map((id) => [id, undefined]));
  for (const story of stories) done.set(story.id, storyKey(story));
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
