import type { Article, Outlet, Perspective, PerspectiveGroup } from '@newsloom/core';
import { dot } from '@newsloom/text';
import type { Candidate, Corpus } from './corpus';
import type { ResolvedOptions } from './options';
import { citeCandidate, type SourceNumbering } from './source-numbering';

/** An outlet's value of `name`: its latest rating (undated ones oldest). */
function attributeOf(outlet: Outlet | undefined, name: string): string | undefined {
  let best: { value: string; asOf: string } | undefined;
  for (const a of outlet?.attributes ?? []) {
    if (a.name !== name) continue;
    if (!best || (a.asOf ?? '') > best.asOf) best = { value: a.value, asOf: a.asOf ?? '' };
  }
  return best?.value;
}

/** The candidate that best stands for a group: close to the group's own emphasis and the story. */
function representativeSentence(
  candidates: readonly Candidate[],
  corpus: Corpus,
): Candidate | undefined {
  const centroid = new Map<string, number>();
  for (const c of candidates)
    for (const [t, w] of c.vector) centroid.set(t, (centroid.get(t) ?? 0) + w);
  let best: { c: Candidate | undefined; score: number } = { c: undefined, score: -1 };
  for (const c of candidates) {
    if (c.dependent) continue;
    const score =
      dot(c.vector, centroid) / candidates.length +
      0.5 * dot(c.vector, corpus.centroid) -
      0.02 * c.position;
    if (score > best.score) best = { c, score };
  }
  return best.c;
}

/** What perspectives need of an outlet list, computed once per list (not once per story). */
interface OutletIndex {
  /** Outlet id → attribute name → latest value. */
  values: Map<string, Map<string, string>>;
  /** Every attribute name the outlets carry, sorted. */
  names: string[];
  /** Attribute name → every value the outlets have for it. */
  known: Map<string, Set<string>>;
  /** The list's length when indexed: a list that grew or shrank since is indexed again. */
  size: number;
}

// A digest summarises tens of thousands of stories against one outlet list (thousands of
// outlets): indexing it per story cost about a millisecond a story. Keyed by the list itself.
const indexes = new WeakMap<readonly Outlet[], OutletIndex>();

function outletIndex(outlets: readonly Outlet[]): OutletIndex {
  const cached = indexes.get(outlets);
  if (cached && cached.size === outlets.length) return cached;
  const values = new Map<string, Map<string, string>>();
  const known = new Map<string, Set<string>>();
  for (const outlet of outlets) {
    const latest = new Map<string, string>();
    for (const name of new Set(outlet.attributes.map((a) => a.name))) {
      const value = attributeOf(outlet, name);
      if (value === undefined) continue;
      latest.set(name, value);
      known.set(name, (known.get(name) ?? new Set()).add(value));
    }
    // Later duplicates of an id win, as the Map built from the list did before.
    values.set(outlet.id, latest);
  }
  const index = { values, names: [...known.keys()].sort(), known, size: outlets.length };
  indexes.set(outlets, index);
  return index;
}

/** The groups of one attribute: coverage per value, most articles first, then by value. */
function groupsOf(
  name: string,
  corpus: Corpus,
  index: OutletIndex,
  represent: (reps: ReadonlySet<number | undefined>) => PerspectiveGroup['sentence'] | undefined,
): PerspectiveGroup[] {
  const members = new Map<string, number[]>();
  corpus.members.forEach((a: Article, i) => {
    const value = index.values.get(a.outletId)?.get(name);
    if (value !== undefined) members.set(value, [...(members.get(value) ?? []), i]);
  });
  return [...members]
    .map(([value, indexes]) => {
      const sentence = represent(new Set(indexes.map((i) => corpus.representative[i])));
      const outletIds = [
        ...new Set(indexes.map((i) => (corpus.members[i] as Article).outletId)),
      ].sort();
      return {
        value,
        outletIds,
        articleCount: indexes.length,
        ...(sentence ? { sentence } : {}),
      };
    })
    .sort((a, b) => b.articleCount - a.articleCount || a.value.localeCompare(b.value));
}

/**
 * "How outlets covered it": for each outlet attribute (`attributes`, or every attribute name the
 * outlets carry), the story's articles grouped by the attribute's value, each group with its
 * most representative sentence (cited, numbered with the summary's sources), and the values
 * known among `outlets` that no article of the story has (the blindspot). Empty when no outlet
 * of the story carries an attribute.
 *
 * @example
 * ```ts
 * storyPerspectives(corpus, outlets, undefined, numbering, options)[0]?.missing; // ['right']
 * ```
 */
export function storyPerspectives(
  corpus: Corpus,
  outlets: readonly Outlet[],
  attributes: readonly string[] | undefined,
  numbering: SourceNumbering,
  options: ResolvedOptions,
): Perspective[] {
  if (outlets.length === 0) return [];
  const index = outletIndex(outlets);
  // Attributes often group a story's articles alike (one article: one group under every
  // attribute): each set of articles gets its representative sentence once.
  const cited = new Map<string, PerspectiveGroup['sentence'] | undefined>();
  const represent = (reps: ReadonlySet<number | undefined>) => {
    const key = [...reps].sort().join(',');
    if (!cited.has(key)) {
      const candidates = corpus.candidates.filter((c) => reps.has(c.member));
      const best = representativeSentence(candidates, corpus);
      cited.set(key, best && citeCandidate(best, corpus, numbering, options));
    }
    return cited.get(key);
  };
  return (attributes ?? index.names).flatMap((name) => {
    const groups = groupsOf(name, corpus, index, represent);
    if (groups.length === 0) return [];
    const covered = new Set(groups.map((g) => g.value));
    const known = index.known.get(name) ?? new Set<string>();
    const missing = [...known].filter((v) => !covered.has(v)).sort();
    return [{ attribute: name, groups, missing }];
  });
}
