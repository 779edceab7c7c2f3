import { NewsloomError } from '@newsloom/core';

/** Word vectors in memory: words by frequency rank (most frequent first), int8 rows with a scale each. */
export interface WordVectors {
  name: string;
  dimension: number;
  words: string[];
  /** Row `i` of `vectors` × `scales[i]` is the vector of `words[i]`. */
  scales: Float32Array;
  vectors: Int8Array;
}

const MAGIC = 'NLWVEC1\n';

/**
 * Encodes word vectors as one compact binary: magic, a JSON header (name, dimension, count), the
 * words joined by newlines, then float32 scales and int8 rows (about dimension + 4 bytes a word).
 *
 * @example
 * ```ts
 * const bytes = encodeWordVectors({ name: 'tiny', dimension: 2, words: ['a'], scales: Float32Array.of(1), vectors: Int8Array.of(1, 2) });
 * decodeWordVectors(bytes).words; // ['a']
 * ```
 */
export function encodeWordVectors(v: WordVectors): Uint8Array {
  const enc = new TextEncoder();
  const header = enc.encode(
    JSON.stringify({ name: v.name, dimension: v.dimension, count: v.words.length }),
  );
  const words = enc.encode(v.words.join('\n'));
  const head = MAGIC.length + 8 + header.length + words.length;
  const pad = (4 - (head % 4)) % 4;
  const out = new Uint8Array(head + pad + v.scales.byteLength + v.vectors.byteLength);
  const view = new DataView(out.buffer);
  out.set(enc.encode(MAGIC), 0);
  view.setUint32(MAGIC.length, header.length, true);
  out.set(header, MAGIC.length + 4);
  view.setUint32(MAGIC.length + 4 + header.length, words.length, true);
  out.set(words, MAGIC.length + 8 + header.length);
  out.set(new Uint8Array(v.scales.buffer, v.scales.byteOffset, v.scales.byteLength), head + pad);
  out.set(
    new Uint8Array(v.vectors.buffer, v.vectors.byteOffset, v.vectors.byteLength),
    head + pad + v.scales.byteLength,
  );
  return out;
}

/**
 * Decodes {@link encodeWordVectors}' binary (copies nothing but the words).
 * @throws {NewsloomError} `INVALID_INPUT` when the bytes are not such a file or are cut short.
 */
export function decodeWordVectors(bytes: Uint8Array, where = 'word vectors'): WordVectors {
  const bad = (why: string) =>
    new NewsloomError(
      'INVALID_INPUT',
      `${where} is not a newsloom word-vector file (${why}); make it with "pnpm --filter @newsloom/embed-words convert"`,
    );
  const dec = new TextDecoder();
  if (bytes.length < MAGIC.length + 8 || dec.decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) {
    throw bad('no NLWVEC1 header');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(MAGIC.length, true);
  const header = JSON.parse(
    dec.decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + headerLength)),
  ) as { name: string; dimension: number; count: number };
  const wordsAt = MAGIC.length + 8 + headerLength;
  const wordsLength = view.getUint32(wordsAt - 4, true);
  const words =
    header.count === 0
      ? []
      : dec.decode(bytes.subarray(wordsAt, wordsAt + wordsLength)).split('\n');
  const head = wordsAt + wordsLength;
  const at = head + ((4 - (head % 4)) % 4);
  const count = header.count;
  if (words.length !== count || bytes.length !== at + 4 * count + count * header.dimension) {
    throw bad('its size does not match its header');
  }
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  return {
    name: header.name,
    dimension: header.dimension,
    words,
    scales: new Float32Array(aligned.buffer, aligned.byteOffset + at, count),
    vectors: new Int8Array(
      aligned.buffer,
      aligned.byteOffset + at + 4 * count,
      count * header.dimension,
    ),
  };
}
