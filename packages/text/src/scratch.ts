// Scratch arrays shared by hot functions (single-threaded; none of them re-enters): a call asks
// for `size` slots and gets the shared array, grown to twice that when too small. An unusually
// large request gets an array of its own, so the shared one stays small.
const SCRATCH_LIMIT = 1 << 16;

/** A typed-array constructor (`Float64Array`, `Int32Array`, …). */
type TypedArrayOf<T> = new (length: number) => T;

/** Returns a `size → array` getter over one shared scratch array of type `Kind`. */
export function sharedScratch<T extends { readonly length: number }>(
  Kind: TypedArrayOf<T>,
  initialLength: number,
): (size: number) => T {
  let shared = new Kind(initialLength);
  return (size) => {
    if (size <= shared.length) return shared;
    if (size > SCRATCH_LIMIT) return new Kind(size);
    shared = new Kind(Math.min(SCRATCH_LIMIT, 2 * size));
    return shared;
  };
}

/** Whether `size` slots are more than the shared scratch ever holds. */
export function beyondScratch(size: number): boolean {
  return size > SCRATCH_LIMIT;
}
