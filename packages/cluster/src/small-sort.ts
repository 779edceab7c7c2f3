// Most lists the clusterer sorts per article are a handful long (candidates of one article, the
// members of a closing story, groups of a regroup). Array.prototype.sort copies every list into
// a work array first; a stable insertion sort of a short list in place allocates nothing and
// orders exactly as the (stable) built-in sort does, for any comparator.
const SHORT = 16;

/** Sorts `items` in place, stably (as `items.sort(compare)`); returns it. */
export function sortInPlace<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  const n = items.length;
  if (n > SHORT) return items.sort(compare);
  for (let i = 1; i < n; i++) {
    const item = items[i] as T;
    let j = i;
    while (j > 0 && compare(items[j - 1] as T, item) > 0) {
      items[j] = items[j - 1] as T;
      j -= 1;
    }
    items[j] = item;
  }
  return items;
}
