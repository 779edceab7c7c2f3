import { dot, topTerms } from '@newsloom/text';
import { type Candidate, timeDecay } from './candidates';
import type { ArticleFeatures } from './features';
import type { ResolvedClusterOptions } from './options';
import { finalizeStory } from './split';
import type { ClustererState } from './state';
import { FIELDS, type Field } from './story-index';
import { addMember, meanTime, mergeStates, type StoryState, scaleOf } from './story-state';

/** Adds an article to a story and updates the index. */
export function join(
  state: ClustererState,
  story: StoryState,
  f: ArticleFeatures,
  o: ResolvedClusterOptions,
): void {
  addMember(story, f, o.duplicateBits);
  state.memberOf.set(f.id, story.id);
  for (const field of FIELDS) syncField(state, story, field, f[field].keys(), o);
}

// Updates the postings of the changed terms, prunes a sum grown past 3k terms to its k heaviest,
// and recomputes the field's scale.
function syncField(
  state: ClustererState,
  story: StoryState,
  field: Field,
  changed: Iterable<string>,
  o: ResolvedClusterOptions,
): void {
  const sum = story.sums[field];
  for (const term of changed) state.index.set(field, story, term, sum.get(term) ?? 0);
  if (sum.size > 3 * o.profileTerms) {
    const kept = new Map(topTerms(sum, o.profileTerms));
    state.index.remove(
      field,
      story,
      [...sum.keys()].filter((t) => !kept.has(t)),
    );
    story.sums[field] = kept;
  }
  story.scales[field] = scaleOf(story.sums[field], story.members.length, o.averageLink);
}

function storySimilarity(a: StoryState, b: StoryState, o: ResolvedClusterOptions): number {
  let lexical = 0;
  for (const field of FIELDS) {
    lexical +=
      o.weights[field] * a.scales[field] * b.scales[field] * dot(a.sums[field], b.sums[field]);
  }
  return lexical * timeDecay(meanTime(a) - meanTime(b), o.timeScaleMs);
}

/** Merges other candidate stories that the joined one now matches (older id survives). */
export function mergeBridged(
  state: ClustererState,
  joined: StoryState,
  others: Candidate[],
  at: number,
  o: ResolvedClusterOptions,
): void {
  let survivor = joined;
  for (const other of others) {
    if (other.score < o.threshold || !state.active.has(other.story.id)) continue;
    if (storySimilarity(survivor, other.story, o) < o.mergeThreshold) continue;
    const older = isOlder(other.story, survivor) ? other.story : survivor;
    const loser = older === survivor ? other.story : survivor;
    for (const field of FIELDS) state.index.remove(field, loser, loser.sums[field].keys());
    state.active.delete(loser.id);
    mergeStates(older, loser, at);
    for (const m of loser.members) state.memberOf.set(m.id, older.id);
    for (const field of FIELDS) syncField(state, older, field, [...older.sums[field].keys()], o);
    survivor = older;
  }
}

function isOlder(a: StoryState, b: StoryState): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
}

/** Links a new story to lexically close active stories (storyline parent, related ids). */
export function linkRelated(
  story: StoryState,
  candidates: Candidate[],
  o: ResolvedClusterOptions,
): void {
  const related = candidates
    .filter((c) => c.lexical >= o.relatedThreshold)
    .sort((a, b) => b.lexical - a.lexical || (a.story.id < b.story.id ? -1 : 1))
    .slice(0, 5);
  const top = related[0];
  if (top) story.parentId = top.story.parentId ?? top.story.id;
  for (const c of related) {
    story.relatedIds.push(c.story.id);
    c.story.relatedIds.push(story.id);
  }
}

/** Closes stories idle for longer than the active window. */
export function sweep(state: ClustererState, now: number, o: ResolvedClusterOptions): void {
  if (now < state.lastSweep + o.activeWindowMs / 4) return;
  state.lastSweep = now;
  for (const story of [...state.active.values()]) {
    if (story.updatedAt >= now - o.activeWindowMs) continue;
    for (const field of FIELDS) state.index.remove(field, story, story.sums[field].keys());
    state.active.delete(story.id);
    for (const m of story.members) state.memberOf.delete(m.id);
    for (const closed of finalizeStory(story, o.splitThreshold)) {
      o.onStoryClosed?.(closed);
      if (o.keepClosed) state.closed.push(closed);
    }
  }
}
