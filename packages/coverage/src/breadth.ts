import { UnionFind } from './util';

/** True when some member is a copy of another (its group has more than one member). */
export function hasCopies(roots: Int32Array): boolean {
  for (let i = 0; i < roots.length; i += 1) if (roots[i] !== i) return true;
  return false;
}

/** For each member: true when its syndication group holds more than one distinct key. */
export function spansMany(roots: Int32Array, keyOf: (i: number) => string): Uint8Array {
  const n = roots.length;
  const firstKey: (string | undefined)[] = new Array(n);
  const many = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) {
    const root = roots[i] as number;
    const key = keyOf(i);
    const seen = firstKey[root];
    if (seen === undefined) firstKey[root] = key;
    else if (seen !== key) many[root] = 1;
  }
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) out[i] = many[roots[i] as number] as number;
  return out;
}

/**
 * Breadth: outlet families with at least one article of their own count one each; families
 * whose every article is a copy shared with another family are joined through the copies they
 * share, and each joined set counts once.
 */
export function breadthOf(
  families: readonly string[],
  roots: Int32Array,
  familyCount: number,
): number {
  if (!hasCopies(roots)) return familyCount;
  const copy = spansMany(roots, (i) => families[i] as string);
  const original = new Set<string>();
  families.forEach((family, i) => {
    if (copy[i] === 0) original.add(family);
  });
  if (original.size === new Set(families).size) return original.size;
  const copiers = [...new Set(families.filter((f) => !original.has(f)))];
  const slot = new Map(copiers.map((f, i) => [f, i]));
  const uf = new UnionFind(copiers.length);
  const anchor = new Map<number, number>();
  families.forEach((family, i) => {
    const s = slot.get(family);
    if (s === undefined) return;
    const a = anchor.get(roots[i] as number);
    if (a === undefined) anchor.set(roots[i] as number, s);
    else uf.union(a, s);
  });
  return original.size + new Set(copiers.map((_, i) => uf.find(i))).size;
}
