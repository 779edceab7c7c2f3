/**
 * The embedder port: turns texts into dense vectors whose cosine says how close their meanings
 * are. Optional everywhere: the clusterer asks it only about borderline pairs, so the default
 * path (no embedder) stays lexical and fast. An embedder must be deterministic (the same text
 * gives the same vector) and must not reach the network while embedding; load models from local
 * files or packages.
 *
 * @example
 * ```ts
 * const embedder: Embedder = {
 *   name: 'letters-2d',
 *   dimension: 2,
 *   embed: (texts) => texts.map((t) => Float32Array.of(t.length, t.split(' ').length)),
 * };
 * const [a, b] = embedder.embed(['Senate passes chips bill', 'Chip subsidies clear Senate']);
 * ```
 */
export interface Embedder {
  /** A stable name of the model and its version, e.g. `wink-sg-100d@1.1.0`. */
  readonly name: string;
  /** Length of every vector `embed` returns. */
  readonly dimension: number;
  /**
   * One vector of length `dimension` per text, in order; a text with nothing to embed gives a
   * zero vector. Synchronous, because the clusterer is (it is called while an article is placed):
   * compute a slow model's vectors ahead of time and serve them from a map.
   */
  embed(texts: readonly string[]): Float32Array[];
}
