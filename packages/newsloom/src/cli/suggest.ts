/** Edit distance (insertions, deletions, substitutions, adjacent swaps) between two short words. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = rows[i]!;
      const above = rows[i - 1]!;
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The known name closest to a mistyped one, when it is close enough to be the likely intent
 * (at most a third of its letters off, or one is a prefix of the other).
 * @example closest('digets', ['ingest', 'digest']) // 'digest'
 */
function closest(word: string, known: readonly string[]): string | undefined {
  const lower = word.toLowerCase().replace(/_/g, '-');
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const target = candidate.toLowerCase();
    const score =
      target.startsWith(lower) || lower.startsWith(target) ? 0.5 : distance(lower, target);
    if (score < bestScore) [best, bestScore] = [candidate, score];
  }
  const limit = Math.max(1, Math.floor(Math.max(word.length, 3) / 3));
  return bestScore <= limit ? best : undefined;
}

/**
 * `: did you mean "x"?` when a known name is close, else the empty string.
 * @example `unknown command "digets"${didYouMean('digets', names)}`
 */
export function didYouMean(word: string, known: readonly string[], prefix = ''): string {
  const match = closest(word, known);
  return match ? `: did you mean "${prefix}${match}"?` : '';
}
