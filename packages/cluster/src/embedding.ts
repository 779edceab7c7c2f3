import type { Article } from '@newsloom/core';
import type { Candidate } from './candidates';
import { embeddingText } from './features';
import type { ResolvedClusterOptions } from './options';
import type { StoryState } from './story-state';

/** The article's unit embedding from the options' embedder, or undefined without one. */
export function embedArticle(
  article: Article,
  o: ResolvedClusterOptions,
): Float32Array | undefined {
  if (!o.embedder) return undefined;
  const [vector] = o.embedder.embed([embeddingText(article)]);
  if (!vector) return undefined;
  let length = 0;
  for (let i = 0; i < vector.length; i++) length += (vector[i] as number) ** 2;
  const scale = length > 0 ? 1 / Math.sqrt(length) : 0;
  const unit = new Float32Array(vector.length);
  for (let i = 0; i < vector.length; i++) unit[i] = (vector[i] as number) * scale;
  return unit;
}

// Mean cosine of a unit embedding to the story's members that have one (0 when none has).
function meanCosine(embedding: Float32Array, story: StoryState): number {
  let total = 0;
  let n = 0;
  for (const m of story.members) {
    const other = m.embedding;
    if (!other || other.length !== embedding.length) continue;
    let dot = 0;
    for (let i = 0; i < embedding.length; i++)
      dot += (embedding[i] as number) * (other[i] as number);
    total += dot;
    n += 1;
  }
  return n === 0 ? 0 : total / n;
}

/**
 * A borderline join: among the best few candidates whose lexical score reaches
 * `embeddingBand` × `threshold` (but not the threshold), the one whose members' embeddings are
 * closest to the article's on average, when that mean cosine reaches `embeddingThreshold`.
 * The embedder is asked about these pairs only, so the lexical path stays as fast as without it.
 */
export function borderlineMatch(
  candidates: readonly Candidate[],
  embedding: Float32Array | undefined,
  o: ResolvedClusterOptions,
): Candidate | undefined {
  if (!embedding) return undefined;
  let best: Candidate | undefined;
  let bestCosine = o.embeddingThreshold;
  for (const c of candidates.slice(0, 3)) {
    if (c.score < o.threshold * o.embeddingBand) break;
    const cos = meanCosine(embedding, c.story);
    if (cos >= bestCosine) {
      best = c;
      bestCosine = cos;
    }
  }
  return best;
}
