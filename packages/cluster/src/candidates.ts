import { termDot } from '@newsloom/text';
import type { ArticleFeatures } from './features';
import type { ResolvedClusterOptions } from './options';
import { sortInPlace } from './small-sort';
import type { ClustererState } from './state';
import { FIELDS, type Field } from './story-index';
import { meanTime, type StoryState } from './story-state';

/** An active story scored against an article. */
export interface Candidate {
  story: StoryState;
  lexical: number;
  score: number;
}

const MAX_CANDIDATES = 64;

// Numbers each candidate search, so a story's scratch score knows whether it belongs to this one.
let searches = 0;
// The stories one search touched (reused: single-threaded, never re-entered; emptied per search).
const touchedScratch: StoryState[] = [];

/** Active stories sharing terms with the article, best first (score, then age, then id). */
export function findCandidates(
  state: ClustererState,
  f: ArticleFeatures,
  o: ResolvedClusterOptions,
): Candidate[] {
  const touched = touchedScratch;
  touched.length = 0;
  const pass = ++searches;
  for (const field of FIELDS)
    state.index.accumulate(field, f[field], o.weights[field], pass, touched);
  // The shortlist's order does not matter (the candidates are sorted by a total order below),
  // so the rough-score sort is needed only to cut a longer list.
  const shortlist =
    touched.length <= MAX_CANDIDATES
      ? touched
      : touched
          .sort((a, b) => b.scratch.score - a.scratch.score || (a.id < b.id ? -1 : 1))
          .slice(0, MAX_CANDIDATES);
  const out: Candidate[] = [];
  // The rough score is the exact score summed in another order; it only filters, and the kept
  // candidates are rescored in a fixed order so a restored index gives identical results. Each
  // story's rough score and dots are summed in the article's term order and the sort above is a
  // total order, so the order of stories within a posting list never matters.
  const boost = presentWeight(f, o);
  const floor = Math.min(o.threshold, o.clearMatchThreshold, o.relatedThreshold) - 1e-6;
  for (const story of shortlist) {
    if (story.scratch.score * boost < floor || story.updatedAt < f.time - o.activeWindowMs)
      continue;
    let lexical = 0;
    for (let i = 0; i < FIELDS.length; i++) {
      const field = FIELDS[i] as Field;
      const vector = f[field];
      const sum = story.sums[field];
      // termDot() iterates the smaller vector: the article's when it is no larger, which is the sum
      // accumulate() made in the same order (bit-identical); otherwise compute it.
      const d =
        vector.ids.length <= sum.ids.length
          ? (story.scratch.dots[i] as number)
          : termDot(vector, sum);
      lexical += o.weights[field] * story.scales[field] * d;
    }
    lexical *= boost;
    out.push({
      story,
      lexical,
      score: lexical * timeDecay(f.time - meanTime(story), o.timeScaleMs),
    });
  }
  touched.length = 0; // let go of the stories until the next search
  return sortInPlace(
    out,
    (a, b) =>
      b.score - a.score ||
      a.story.createdAt - b.story.createdAt ||
      (a.story.id < b.story.id ? -1 : 1),
  );
}

/** Gaussian time decay exp(−½(Δt/σ)²). */
export function timeDecay(deltaMs: number, scaleMs: number): number {
  const x = deltaMs / scaleMs;
  return Math.exp(-0.5 * x * x);
}

// 1 / the summed weight of the fields the article has (an article without entities is scored
// on title and body alone, not capped at their share).
function presentWeight(f: ArticleFeatures, o: ResolvedClusterOptions): number {
  let w = 0;
  let missing = false;
  for (const field of FIELDS) {
    if (f[field].ids.length > 0) w += o.weights[field];
    else missing = true;
  }
  return missing && w > 0 ? 1 / w : 1;
}
