import { readFileSync } from 'node:fs';
import { type Embedder, NewsloomError } from '@newsloom/core';
import { isStopword, tokenize } from '@newsloom/text';
import { decodeWordVectors, type WordVectors } from './format';

// SIF weights (Arora et al. 2017): a / (a + p(w)), with p(w) from the word's frequency rank by
// Zipf's law, p(r) ≈ 1 / (r · ln N): frequent words weigh little, rare ones about 1.
const SIF_A = 1e-3;

/**
 * An {@link Embedder} over word vectors: each text's vector is the SIF-weighted sum of the vectors
 * of its content words (lower-cased tokens, stop words and unknown words skipped); a text with
 * none gives a zero vector. Deterministic, offline, about a microsecond per word.
 *
 * @example
 * ```ts
 * const embedder = createWordVectorEmbedder(decodeWordVectors(readFileSync('wink.bin')));
 * const [a, b] = embedder.embed(['Senate passes chips bill', 'Chip subsidies clear upper chamber']);
 * ```
 */
export function createWordVectorEmbedder(table: WordVectors): Embedder {
  const rank = new Map(table.words.map((w, i) => [w, i] as const));
  const logN = Math.log(Math.max(2, table.words.length));
  const { dimension, scales, vectors } = table;
  return {
    name: table.name,
    dimension,
    embed(texts) {
      return texts.map((text) => {
        const out = new Float32Array(dimension);
        for (const token of tokenize(text)) {
          const i = isStopword(token) ? undefined : rank.get(token);
          if (i === undefined) continue;
          const p = 1 / ((i + 1) * logN);
          const w = (SIF_A / (SIF_A + p)) * (scales[i] as number);
          for (let d = 0; d < dimension; d++) {
            out[d] = (out[d] as number) + w * (vectors[i * dimension + d] as number);
          }
        }
        return out;
      });
    },
  };
}

/**
 * {@link createWordVectorEmbedder} over a file made by the `convert` script, read on the first
 * `embed` call (so creating it costs nothing until it is used). `name` and `dimension` are read
 * then too: pass them when they are needed before (defaults `wink-sg-100d`, 100).
 *
 * @example
 * ```ts
 * const embedder = wordVectorEmbedder('data/wink-sg-100d-50k.bin');
 * createClusterer({ embedder });
 * ```
 * @throws {NewsloomError} `NOT_FOUND` (on first use) when the file is missing, `INVALID_INPUT` when it is not one.
 */
export function wordVectorEmbedder(
  path: string,
  { name = 'wink-sg-100d', dimension = 100 }: { name?: string; dimension?: number } = {},
): Embedder {
  let loaded: Embedder | undefined;
  const load = (): Embedder => {
    if (loaded) return loaded;
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (cause) {
      throw new NewsloomError(
        'NOT_FOUND',
        `word vectors ${path} could not be read; make them with "pnpm --filter @newsloom/embed-words convert"`,
        { cause },
      );
    }
    loaded = createWordVectorEmbedder(decodeWordVectors(bytes, path));
    return loaded;
  };
  return {
    name,
    dimension,
    embed: (texts) => load().embed(texts),
  };
}
