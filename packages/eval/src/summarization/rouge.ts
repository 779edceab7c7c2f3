import { stem } from '@newsloom/text';

/** Precision, recall and F1 of one ROUGE variant. */
export interface RougeScore {
  precision: number;
  recall: number;
  f: number;
}

/** ROUGE-1, ROUGE-2 and ROUGE-L of a candidate against a reference. */
export interface RougeScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeL: RougeScore;
}

/**
 * Tokenises as Google's rouge_score `DefaultTokenizer(use_stemmer=True)`: lower-case, every run
 * of characters outside `[a-z0-9]` is a separator, tokens longer than 3 characters are Porter
 * stemmed.
 *
 * @example
 * ```ts
 * rougeTokens('The lazy dogs!'); // ['the', 'lazi', 'dog']
 * ```
 */
export function rougeTokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (raw === '') continue;
    out.push(raw.length > 3 ? stem(raw) : raw);
  }
  return out;
}

function score(overlap: number, candidateCount: number, referenceCount: number): RougeScore {
  const precision = candidateCount > 0 ? overlap / candidateCount : 0;
  const recall = referenceCount > 0 ? overlap / referenceCount : 0;
  const f = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f };
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i += 1) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/**
 * ROUGE-N F1 over token lists (clipped n-gram overlap).
 *
 * @example
 * ```ts
 * rougeN(rougeTokens('a b c'), rougeTokens('a b d'), 1).f; // 0.667
 * ```
 */
export function rougeN(
  candidate: readonly string[],
  reference: readonly string[],
  n: number,
): RougeScore {
  const cand = ngramCounts(candidate, n);
  const ref = ngramCounts(reference, n);
  let overlap = 0;
  for (const [gram, count] of cand) overlap += Math.min(count, ref.get(gram) ?? 0);
  return score(
    overlap,
    Math.max(0, candidate.length - n + 1),
    Math.max(0, reference.length - n + 1),
  );
}

/** Length of the longest common subsequence of two token lists (O(n·m) time, O(m) memory). */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = x === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, row[j - 1] ?? 0);
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * ROUGE-L F1 over token lists (longest common subsequence, no sentence splitting).
 *
 * @example
 * ```ts
 * rougeL(rougeTokens('a b c'), rougeTokens('a c')).f; // 0.8
 * ```
 */
export function rougeL(candidate: readonly string[], reference: readonly string[]): RougeScore {
  return score(lcsLength(candidate, reference), candidate.length, reference.length);
}

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L of `candidate` against `reference`, as rouge_score computes them
 * with `use_stemmer=True`.
 *
 * @example
 * ```ts
 * const s = rouge('The quick brown dog jumps on the log.', 'The quick brown fox jumps over the lazy dog');
 * s.rouge1.f; // 0.7059
 * s.rougeL.f; // 0.5882
 * ```
 */
export function rouge(candidate: string, reference: string): RougeScores {
  const cand = rougeTokens(candidate);
  const ref = rougeTokens(reference);
  return { rouge1: rougeN(cand, ref, 1), rouge2: rougeN(cand, ref, 2), rougeL: rougeL(cand, ref) };
}

/**
 * The first `maxWords` whitespace-separated words of a text (the usual summary budget).
 *
 * @example
 * ```ts
 * firstWords('one two three', 2); // 'one two'
 * ```
 */
export function firstWords(text: string, maxWords: number): string {
  return text
    .split(/\s+/)
    .filter((w) => w !== '')
    .slice(0, maxWords)
    .join(' ');
}
