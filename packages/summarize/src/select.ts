import { dot } from '@newsloom/text';
import type { Candidate, Corpus } from './corpus';
import type { ResolvedOptions } from './options';

/** A chosen sentence and the order it was chosen in (0 = most important). */
export interface Selected {
  candidate: Candidate;
  rank: number;
}

/** Sentences this similar (TF-IDF cosine) to a chosen one say the same thing: never both kept. */
const DUPLICATE_SIMILARITY = 0.4;
/** Bonus of an article's first sentence (halving with each later position): news leads. */
const LEAD_BONUS = 0.12;
/** Weight of a concept only one outlet mentions (shared concepts weigh outlets − 1 more). */
const UNSHARED_WEIGHT = 0.1;
/** Share of the distinct source words the default budget allows, and its bounds. */
const BUDGET = { ratio: 0.5, min: 50, max: 150 };

/** The default word budget: a share of the distinct source text, within bounds. */
function defaultBudget(corpus: Corpus): number {
  const sourceWords = corpus.candidates.reduce((sum, c) => sum + c.words, 0);
  return Math.max(BUDGET.min, Math.min(BUDGET.max, BUDGET.ratio * sourceWords));
}

/** Concepts (content terms and term pairs) of a candidate, weighted by how many outlets share them. */
function conceptWeights(candidate: Candidate, corpus: Corpus): Map<string, number> {
  const out = new Map<string, number>();
  const weight = (k: string): number => (corpus.conceptGroups.get(k) ?? 1) - 1 + UNSHARED_WEIGHT;
  for (const k of candidate.features.terms.keys()) out.set(k, weight(k));
  for (const k of candidate.features.bigrams) out.set(k, weight(k));
  return out;
}

function gainOf(concepts: ReadonlyMap<string, number>, covered: ReadonlySet<string>): number {
  let gain = 0;
  for (const [k, w] of concepts) if (!covered.has(k)) gain += w;
  return gain;
}

interface PoolEntry {
  candidate: Candidate;
  concepts: Map<string, number>;
}

/** Selection state: what is covered and which (member:position) sentences are chosen. */
interface State {
  covered: ReadonlySet<string>;
  chosenKeys: ReadonlySet<string>;
  scale: number;
}

function scoreOf(entry: PoolEntry, state: State): number {
  const density = gainOf(entry.concepts, state.covered) / entry.candidate.words / state.scale;
  return density + LEAD_BONUS / (1 + entry.candidate.position);
}

/**
 * Index of the best next usable sentence, or -1. Lazy greedy: coverage gains only shrink as
 * more is covered, so a stale score is an upper bound and only the front of the queue (sorted by
 * stale score) needs rescoring. Ties go to the lower index: deterministic.
 */
function bestNext(
  pool: readonly PoolEntry[],
  bounds: number[],
  used: ReadonlySet<number>,
  state: State,
): number {
  const order = pool.map((_, i) => i).filter((i) => !used.has(i));
  order.sort((a, b) => (bounds[b] ?? 0) - (bounds[a] ?? 0) || a - b);
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const i of order) {
    if ((bounds[i] ?? 0) < bestScore) break;
    const entry = pool[i] as PoolEntry;
    const { member, position } = entry.candidate;
    if (entry.candidate.dependent && !state.chosenKeys.has(`${member}:${position - 1}`)) continue;
    const score = scoreOf(entry, state);
    bounds[i] = score;
    if (score > bestScore || (score === bestScore && i < best)) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

/** Share of a sentence's content terms another sentence already states, at which it adds nothing. */
const RESTATED = 0.75;

/** True when most of `a`'s content terms (at least three) are in `b`: the same fact restated. */
function restates(a: PoolEntry, b: PoolEntry): boolean {
  const terms = a.candidate.features.terms;
  if (terms.size < 3) return false;
  let shared = 0;
  for (const t of terms.keys()) if (b.candidate.features.terms.has(t)) shared += 1;
  return shared / terms.size >= RESTATED;
}

/** Marks every unused sentence that is a near-duplicate or a restatement of `pick` as used. */
function excludeDuplicates(pool: readonly PoolEntry[], used: Set<number>, pick: PoolEntry): void {
  pool.forEach((entry, i) => {
    if (used.has(i)) return;
    const similar = dot(entry.candidate.vector, pick.candidate.vector) >= DUPLICATE_SIMILARITY;
    if (similar || restates(entry, pick)) used.add(i);
  });
}

/**
 * Chooses sentences under a word budget by greedy submodular coverage: each step takes the
 * candidate adding the most not-yet-covered concepts (content words and word pairs, weighted by
 * how many outlets mention them) per word, plus a lead bonus; near-duplicates of chosen sentences
 * are skipped outright, so no two sentences say the same thing. Ties keep member order, then
 * position: deterministic.
 */
export function selectSentences(
  corpus: Corpus,
  options: ResolvedOptions,
  maxSentences: number,
): Selected[] {
  const pool: PoolEntry[] = corpus.candidates.map((candidate) => ({
    candidate,
    concepts: conceptWeights(candidate, corpus),
  }));
  const scale = Math.max(
    1e-9,
    ...pool.map((p) => gainOf(p.concepts, new Set()) / p.candidate.words),
  );
  const budget = options.maxWords ?? defaultBudget(corpus);
  const chosen: Selected[] = [];
  const used = new Set<number>();
  const covered = new Set<string>();
  const chosenKeys = new Set<string>();
  const bounds = pool.map(() => Number.POSITIVE_INFINITY);
  let words = 0;
  while (chosen.length < maxSentences && words < budget) {
    const index = bestNext(pool, bounds, used, { covered, chosenKeys, scale });
    const pick = pool[index];
    if (!pick) break;
    used.add(index);
    excludeDuplicates(pool, used, pick);
    for (const k of pick.concepts.keys()) covered.add(k);
    chosen.push({ candidate: pick.candidate, rank: chosen.length });
    chosenKeys.add(`${pick.candidate.member}:${pick.candidate.position}`);
    words += pick.candidate.words;
  }
  return chosen;
}
