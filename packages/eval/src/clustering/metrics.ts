/** Item → cluster label (article id → story id). */
export type Assignment = ReadonlyMap<string, string>;

/** Precision, recall and their harmonic mean. */
export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
}

interface Contingency {
  n: number;
  cells: Map<string, number>;
  predictedSizes: Map<string, number>;
  goldSizes: Map<string, number>;
}

// Items scored are those with a gold label; an item the prediction lacks is its own cluster.
function contingency(predicted: Assignment, gold: Assignment): Contingency {
  const cells = new Map<string, number>();
  const predictedSizes = new Map<string, number>();
  const goldSizes = new Map<string, number>();
  for (const [item, g] of gold) {
    const c = predicted.get(item) ?? `\u0000missing:${item}`;
    const key = `${c}\u0000${g}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    predictedSizes.set(c, (predictedSizes.get(c) ?? 0) + 1);
    goldSizes.set(g, (goldSizes.get(g) ?? 0) + 1);
  }
  return { n: gold.size, cells, predictedSizes, goldSizes };
}

function harmonic(precision: number, recall: number): PrecisionRecall {
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function splitKey(key: string): [string, string] {
  const cut = key.lastIndexOf('\u0000');
  return [key.slice(0, cut), key.slice(cut + 1)];
}

/**
 * B-cubed precision, recall and F1 (Bagga & Baldwin 1998), averaged over the gold items.
 *
 * @example
 * ```ts
 * const gold = new Map([['a', 'x'], ['b', 'x'], ['c', 'y']]);
 * bcubed(new Map([['a', '1'], ['b', '1'], ['c', '2']]), gold); // { precision: 1, recall: 1, f1: 1 }
 * ```
 */
export function bcubed(predicted: Assignment, gold: Assignment): PrecisionRecall {
  const t = contingency(predicted, gold);
  if (t.n === 0) return { precision: 1, recall: 1, f1: 1 };
  let precision = 0;
  let recall = 0;
  for (const [key, count] of t.cells) {
    const [c, g] = splitKey(key);
    precision += (count * count) / (t.predictedSizes.get(c) ?? 1);
    recall += (count * count) / (t.goldSizes.get(g) ?? 1);
  }
  return harmonic(precision / t.n, recall / t.n);
}

const pairs = (k: number): number => (k * (k - 1)) / 2;
const sumPairs = (sizes: Iterable<number>): number => {
  let sum = 0;
  for (const k of sizes) sum += pairs(k);
  return sum;
};

/**
 * Pairwise precision, recall and F1 over same-cluster item pairs (1 when there are no pairs).
 *
 * @example
 * ```ts
 * pairwise(new Map([['a', '1'], ['b', '1']]), new Map([['a', 'x'], ['b', 'y']])).precision; // 0
 * ```
 */
export function pairwise(predicted: Assignment, gold: Assignment): PrecisionRecall {
  const t = contingency(predicted, gold);
  const together = sumPairs(t.cells.values());
  const predictedPairs = sumPairs(t.predictedSizes.values());
  const goldPairs = sumPairs(t.goldSizes.values());
  return harmonic(
    predictedPairs === 0 ? 1 : together / predictedPairs,
    goldPairs === 0 ? 1 : together / goldPairs,
  );
}

/**
 * Adjusted Rand index (Hubert & Arabie 1985): 1 for identical clusterings, about 0 for chance.
 *
 * @example
 * ```ts
 * const gold = new Map([['a', 'x'], ['b', 'x'], ['c', 'y']]);
 * adjustedRandIndex(gold, gold); // 1
 * ```
 */
export function adjustedRandIndex(predicted: Assignment, gold: Assignment): number {
  const t = contingency(predicted, gold);
  const index = sumPairs(t.cells.values());
  const a = sumPairs(t.predictedSizes.values());
  const b = sumPairs(t.goldSizes.values());
  const expected = t.n < 2 ? 0 : (a * b) / pairs(t.n);
  const max = (a + b) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

/** Number of clusters, and of clusters with one item, on each side. */
export interface ClusterCounts {
  predicted: number;
  gold: number;
  predictedSingletons: number;
  goldSingletons: number;
}

/**
 * Counts clusters and singletons in a prediction and the gold (over the gold items).
 *
 * @example
 * ```ts
 * clusterCounts(new Map([['a', '1'], ['b', '2']]), new Map([['a', 'x'], ['b', 'x']])); // predicted 2, gold 1
 * ```
 */
export function clusterCounts(predicted: Assignment, gold: Assignment): ClusterCounts {
  const t = contingency(predicted, gold);
  const singletons = (sizes: Map<string, number>): number =>
    [...sizes.values()].filter((k) => k === 1).length;
  return {
    predicted: t.predictedSizes.size,
    gold: t.goldSizes.size,
    predictedSingletons: singletons(t.predictedSizes),
    goldSingletons: singletons(t.goldSizes),
  };
}

/**
 * The assignment article id → story id of a list of stories.
 *
 * @example
 * ```ts
 * assignmentFromStories(stories).get(article.id); // the id of the story holding it
 * ```
 */
export function assignmentFromStories(
  stories: readonly { readonly id: string; readonly articleIds: readonly string[] }[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const story of stories) for (const id of story.articleIds) out.set(id, story.id);
  return out;
}
