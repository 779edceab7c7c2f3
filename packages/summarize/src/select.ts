import type { Candidate, Corpus } from './corpus';
import { dot } from './features';
import type { ResolvedOptions } from './options';

/** A chosen sentence and the order it was chosen in (0 = most important). */
export interface Selected {
  candidate: Candidate;
  rank: number;
  relevance: number;
}

/** Sentences this similar (cosine) to a chosen one say the same thing and are never both kept. */
const DUPLICATE_SIMILARITY = 0.5;

/**
 * Relevance of a candidate: similarity to the story centroid (what most outlets talk about),
 * plus a lead bias (news puts the key facts first) and a mild preference for informative length.
 */
export function relevanceOf(candidate: Candidate, corpus: Corpus): number {
  const centrality = dot(candidate.vector, corpus.centroid);
  const lead = 0.12 / (1 + candidate.position);
  const length = Math.min(1, candidate.words / 15) * 0.05;
  return centrality + lead + length;
}

/**
 * Chooses sentences by maximal marginal relevance under a word budget: each step takes the
 * candidate with the best `λ·relevance − (1−λ)·max similarity to what is chosen`, skipping
 * near-duplicates outright. Ties break on member order, then position: deterministic.
 */
export function selectSentences(
  corpus: Corpus,
  options: ResolvedOptions,
  maxSentences: number,
): Selected[] {
  const pool = corpus.candidates.map((candidate) => ({
    candidate,
    relevance: relevanceOf(candidate, corpus),
  }));
  const chosen: Selected[] = [];
  const used = new Set<number>();
  let words = 0;
  while (chosen.length < maxSentences && words < options.maxWords) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < pool.length; i += 1) {
      const entry = pool[i];
      if (!entry || used.has(i)) continue;
      const redundancy = chosen.reduce(
        (max, s) => Math.max(max, dot(entry.candidate.vector, s.candidate.vector)),
        0,
      );
      if (redundancy >= DUPLICATE_SIMILARITY) {
        used.add(i);
        continue;
      }
      const score = options.lambda * entry.relevance - (1 - options.lambda) * redundancy;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    const pick = pool[best];
    if (!pick) break;
    used.add(best);
    chosen.push({ candidate: pick.candidate, rank: chosen.length, relevance: pick.relevance });
    words += pick.candidate.words;
  }
  return chosen;
}
