/**
 * An open-addressing hash table from short character strings, given as UTF-16 code units in a
 * buffer (never as JS strings: a hot path can look a key up without cutting it out of its
 * text), to an int32 value. Slot s is `table[8s..8s+7]`: the key's hash, its value, where its
 * characters start in one shared pool, how many (0: empty), and its first 8 characters packed two
 * to an int. A lookup of a key of up to 8 characters (most words) reads one 32-byte record and
 * never the pool: on a stream the table is larger than the caches, and each read of a record or
 * of the pool is a miss. Kept at most half full; past `limit` keys it starts over, so memory
 * stays bounded on an endless stream.
 */
export class CharKeyTable {
  private table = new Int32Array(SLOT * 4096);
  private chars = new Uint16Array(16384);
  private used = 0;
  private count = 0;

  constructor(private readonly limit: number) {}

  /** The entry of key[0, length) with hash `hash`, or -1. */
  find(hash: number, key: Uint16Array, length: number): number {
    const table = this.table;
    const mask = table.length / SLOT - 1;
    const p0 = packed(key, 0, length);
    const p1 = packed(key, 2, length);
    const p2 = packed(key, 4, length);
    const p3 = packed(key, 6, length);
    let s = hash & mask;
    for (;;) {
      const at = SLOT * s;
      const size = table[at + 3] as number;
      if (size === 0) return -1;
      if (
        table[at] === hash &&
        size === length &&
        table[at + 4] === p0 &&
        table[at + 5] === p1 &&
        table[at + 6] === p2 &&
        table[at + 7] === p3 &&
        (length <= INLINE || this.same(table[at + 2] as number, key, length))
      ) {
        return at;
      }
      s = (s + 1) & mask;
    }
  }

  /** The value of an entry {@link find} or {@link add} returned. */
  value(entry: number): number {
    return this.table[entry + 1] as number;
  }

  /** The hash of an entry. */
  hash(entry: number): number {
    return this.table[entry] as number;
  }

  /** Adds a key that {@link find} did not find; returns its entry. */
  add(hash: number, key: Uint16Array, length: number, value: number): number {
    if (2 * (this.count + 1) > this.table.length / SLOT) {
      if (this.count + 1 >= this.limit) this.clear();
      else this.grow();
    }
    if (this.used + length > this.chars.length) {
      const chars = new Uint16Array(2 * (this.used + length));
      chars.set(this.chars.subarray(0, this.used));
      this.chars = chars;
    }
    const from = this.used;
    this.chars.set(key.subarray(0, length), from);
    this.used += length;
    const at = this.place(hash, value, from, length);
    for (let k = 0; k < INLINE / 2; k++) this.table[at + 4 + k] = packed(key, 2 * k, length);
    return at;
  }

  /** Forgets every key. */
  clear(): void {
    this.table.fill(0);
    this.count = 0;
    this.used = 0;
  }

  // Whether the pool's characters from `from` match key[INLINE, length) (the first INLINE
  // characters matched in the record).
  private same(from: number, key: Uint16Array, length: number): boolean {
    const chars = this.chars;
    for (let k = INLINE; k < length; k++) if (chars[from + k] !== key[k]) return false;
    return true;
  }

  private place(hash: number, value: number, from: number, length: number): number {
    const table = this.table;
    const mask = table.length / SLOT - 1;
    let s = hash & mask;
    while ((table[SLOT * s + 3] as number) !== 0) s = (s + 1) & mask;
    const at = SLOT * s;
    table[at] = hash;
    table[at + 1] = value;
    table[at + 2] = from;
    table[at + 3] = length;
    this.count += 1;
    return at;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(2 * old.length);
    this.count = 0;
    for (let at = 0; at < old.length; at += SLOT) {
      const length = old[at + 3] as number;
      if (length !== 0) {
        const to = this.place(
          old[at] as number,
          old[at + 1] as number,
          old[at + 2] as number,
          length,
        );
        this.table.set(old.subarray(at + 4, at + SLOT), to + 4);
      }
    }
  }
}

// Ints per slot, and the characters of a key kept in its slot.
const SLOT = 8;
const INLINE = 8;

// Characters k and k + 1 of key[0, length) as one int (0 past the end).
function packed(key: Uint16Array, k: number, length: number): number {
  const low = k < length ? (key[k] as number) : 0;
  const high = k + 1 < length ? (key[k + 1] as number) : 0;
  return low | (high << 16);
}

/** FNV-1a's starting state for a seed, as hash32 starts (see hash32.ts). */
export function fnvStart(seed: number): number {
  return (0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
}

/** One FNV-1a step. */
export function fnvStep(state: number, code: number): number {
  return Math.imul(state ^ code, 0x01000193);
}

/** murmur3's fmix32 over an FNV-1a state: the end of hash32 (as a signed int32). */
export function fnvFinish(state: number): number {
  let h = state;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
