// The TF-IDF weighting both models share (createTfIdfModel over strings, createTermModel over
// ids): one owner, so the two give bit-identical weights.

/** Smoothed inverse document frequency: ln((1 + N) / (1 + df)) + 1. */
export function idfOf(documentCount: number, frequency: number): number {
  return Math.log((1 + documentCount) / (1 + frequency)) + 1;
}

// ln of a term count; counts are small integers, so the first few logs are looked up (the same
// values Math.log returns).
const LOGS = Array.from({ length: 64 }, (_, i) => Math.log(i));

/** ln(count), looked up for small counts. */
export function logCount(count: number): number {
  return count < 64 ? (LOGS[count] as number) : Math.log(count);
}
