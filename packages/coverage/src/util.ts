// Small helpers: code-unit string order (never locale-dependent) and a union-find.

/** Compares strings by UTF-16 code units: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A typed array of `length` filled by `fill(i)` (a loop: `TypedArray.from` with a map function is slow). */
export function int32Of(length: number, fill: (i: number) => number): Int32Array {
  const out = new Int32Array(length);
  for (let i = 0; i < length; i += 1) out[i] = fill(i);
  return out;
}

/** `0, 1, …, length-1`. */
export function range(length: number): number[] {
  const out = new Array<number>(length);
  for (let i = 0; i < length; i += 1) out[i] = i;
  return out;
}

/** Union-find over 0..n-1 with path halving. */
export class UnionFind {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i += 1) this.parent[i] = i;
  }

  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      const grand = p[p[x] as number] as number;
      p[x] = grand;
      x = grand;
    }
    return x;
  }

  /** Representatives of 0..n-1 (the smallest member of each set). */
  roots(): Int32Array {
    return int32Of(this.parent.length, (i) => this.find(i));
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller root wins, so results do not depend on the order of unions.
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}

const MS_PER_HOUR = 3_600_000;

/** Milliseconds to hours. */
export function hoursOf(ms: number): number {
  return ms / MS_PER_HOUR;
}

/** Hours to milliseconds. */
export function msOfHours(hours: number): number {
  return hours * MS_PER_HOUR;
}

/** Rounds to 6 decimals so scores print the same everywhere and stay readable. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
