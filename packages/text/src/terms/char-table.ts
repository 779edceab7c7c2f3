/**
 * An open-addressing hash table from short character strings, given as UTF-16 code units in a
 * buffer (never as JS strings: a hot path can look a key up without cutting it out of its
 * text), to an int32 value. Slot s is `table[4s..4s+3]`: the key's hash, its value, where its
 * characters start in one shared pool, and how many (0: empty). One small record per slot and
 * the characters in one pool keep a lookup to about two cache lines. Kept at most half full;
 * past `limit` keys it starts over, so memory stays bounded on an endless stream.
 */
export class CharKeyTable {
  private table = new Int32Array(4 * 4096);
  private chars = new Uint16Array(16384);
  private used = 0;
  private count = 0;

  constructor(private readonly limit: number) {}

  /** The entry of key[0, length) with hash `hash`, or -1. */
  find(hash: number, key: Uint16Array, length: number): number {
    const table = this.table;
    const mask = table.length / 4 - 1;
    let s = hash & mask;
    for (;;) {
      const at = 4 * s;
      const size = table[at + 3] as number;
      if (size === 0) return -1;
      if (
        table[at] === hash &&
        size === length &&
        this.same(table[at + 2] as number, key, length)
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
    if (2 * (this.count + 1) > this.table.length / 4) {
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
    return this.place(hash, value, from, length);
  }

  /** Forgets every key. */
  clear(): void {
    this.table.fill(0);
    this.count = 0;
    this.used = 0;
  }

  private same(from: number, key: Uint16Array, length: number): boolean {
    const chars = this.chars;
    for (let k = 0; k < length; k++) if (chars[from + k] !== key[k]) return false;
    return true;
  }

  private place(hash: number, value: number, from: number, length: number): number {
    const table = this.table;
    const mask = table.length / 4 - 1;
    let s = hash & mask;
    while ((table[4 * s + 3] as number) !== 0) s = (s + 1) & mask;
    const at = 4 * s;
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
    for (let at = 0; at < old.length; at += 4) {
      const length = old[at + 3] as number;
      if (length !== 0) {
        this.place(old[at] as number, old[at + 1] as number, old[at + 2] as number, length);
      }
    }
  }
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
