import type { TextFeatures } from './features';

/**
 * How far a document supports a sentence, in [0, 1]: the weighted share of the sentence's
 * content terms found in the document (named entities and numbers weigh double). A number the
 * document does not contain, or two names it does not mention, cap the score at 0.5, below any
 * useful threshold: a wrong figure or a missing actor is the worst kind of unsupported claim. A
 * number must also count the same thing: the word right after it in the sentence must follow it
 * (within four content words) in the document.
 *
 * @example
 * ```ts
 * supportScore(featuresOf('Ghani vowed to fight.'), featuresOf('Ghani vowed he would fight on.')); // 1
 * ```
 */
export function supportScore(sentence: TextFeatures, doc: TextFeatures): number {
  let total = 0;
  let covered = 0;
  let missingEntities = 0;
  for (const term of sentence.terms.keys()) {
    const entity = sentence.entities.has(term);
    const weight = entity ? 2 : 1;
    total += weight;
    if (doc.terms.has(term)) covered += weight;
    else if (entity) missingEntities += 1;
  }
  let missingNumber = false;
  for (const number of sentence.numbers) {
    total += 2;
    if (doc.numbers.has(number)) covered += 2;
    else missingNumber = true;
  }
  // A number the document has, but counting something else ("42 routes" for "$42 million").
  for (const claim of sentence.claims) if (!doc.quantities.has(claim)) missingNumber = true;
  if (total === 0) return 0;
  const score = covered / total;
  return missingNumber || missingEntities > 1 ? Math.min(score, 0.5) : score;
}
