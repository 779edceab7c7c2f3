// Where a worker's fetch slots spend their time, summed over slots (slot-milliseconds per
// phase): the health output shows it, and the bench uses it to tell waiting on the network
// from waiting on PostgreSQL, on the queue or on the CPU.

/** The phases of a fetch slot. */
const FETCH_PHASES = [
  /** Waiting for jobs to be taken from pg-boss (a few are taken ahead in one query). */
  'take',
  /** No job was ready: sleeping before asking again. */
  'idle',
  /** Claiming the feed: reading it and taking its host's lease (one statement). */
  'prepare',
  /** The HTTP request, the body read, the lease's release and the feed's parsing. */
  'fetch',
  /** Waiting for and writing the group commit: articles, feed state, job completion. */
  'store',
  /** Giving a job back for later (its host was busy). */
  'finish',
] as const;

/** One fetch phase. */
export type FetchPhase = (typeof FETCH_PHASES)[number];

/** Slot-milliseconds per phase. */
export type PhaseTotals = Record<FetchPhase, number>;

/** Zero for every phase. */
export function emptyPhaseTotals(): PhaseTotals {
  return Object.fromEntries(FETCH_PHASES.map((phase) => [phase, 0])) as PhaseTotals;
}

/**
 * Runs `work`, adding its wall time to `totals[phase]` (whether it resolves or throws).
 * @example const job = await timed(totals, 'take', () => boss.fetch('fetch'))
 */
export async function timed<T>(
  totals: PhaseTotals,
  phase: FetchPhase,
  work: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    totals[phase] += performance.now() - started;
  }
}
