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

/** The groups of one attribute: coverage per value, most articles first, then by value. */
function groupsOf(
  name: string,
  corpus: Corpus,
  outlets: ReadonlyMap<string, Outlet>,
  cite: (c: Candidate) => PerspectiveGroup['sentence'],
): PerspectiveGroup[] {
  const members = new Map<string, number[]>();
  corpus.members.forEach((a: Article, i) => {
    const value = attributeOf(outlets.get(a.outletId), name);
    if (value !== undefined) members.set(value, [...(members.get(value) ?? []), i]);
  });
  return [...members]
    .map(([value, indexes]) => {
      const reps = new Set(indexes.map((i) => corpus.representative[i]));
      const sentence = representativeSentence(
        corpus.candidates.filter((c) => reps.has(c.member)),
        corpus,
      );
      const outletIds = [
        ...new Set(indexes.map((i) => (corpus.members[i] as Article).outletId)),
      ].sort();
      return {
        value,
        outletIds,
        articleCount: indexes.length,
        ...(sentence ? { sentence: cite(sentence) } : {}),
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
  const byId = new Map(outlets.map((o) => [o.id, o] as const));
  const names =
    attributes ?? [...new Set(outlets.flatMap((o) => o.attributes.map((a) => a.name)))].sort();
  const cite = (c: Candidate) => citeCandidate(c, corpus, numbering, options);
  return names.flatMap((name) => {
    const groups = groupsOf(name, corpus, byId, cite);
    if (groups.length === 0) return [];
    const covered = new Set(groups.map((g) => g.value));
    const known = new Set(outlets.flatMap((o) => attributeOf(o, name) ?? []));
    const missing = [...known].filter((v) => !covered.has(v)).sort();
    return [{ attribute: name, groups, missing }];
  });
}
