import { stem } from '@newsloom/text';
import { compressSentence, isFiniteVerbAt, mainClause } from './compress';
import { problemsExceptCase, titleCase } from './headline-rules';
import type { Selected } from './select';

/** True when a phrase has a finite verb. */
function hasFiniteVerb(phrase: string): boolean {
  const words = phrase.split(' ');
  return words.some((_, i) => isFiniteVerbAt(words, i, true));
}

/** True when a phrase names something: a capitalised word past its first, or a number. */
function namesSomething(phrase: string, keyTerms: ReadonlySet<string>): boolean {
  const words = phrase.split(' ');
  for (let i = 1; i < words.length; i += 1)
    if (/^["“‘(]?[\p{Lu}\p{N}]/u.test(words[i] ?? '')) return true;
  return words.some((w) => keyTerms.has(stem(lettersAndDigits(w.toLowerCase()))));
}

/** A word without anything but letters and digits; ASCII alphanumerics need no regex pass. */
function lettersAndDigits(word: string): string {
  for (let k = 0; k < word.length; k += 1) {
    const c = word.charCodeAt(k) | 32; // folds A–Z onto a–z; digits keep their codes
    if (!((c >= 97 && c <= 122) || (word.charCodeAt(k) >= 48 && word.charCodeAt(k) <= 57)))
      return word.replace(/[^\p{L}\p{N}]/gu, '');
  }
  return word;
}

/**
 * Why a section title is not a short statement: outside 4–9 words, no finite verb, or (with
 * `keyTerms`, the section's own stems) naming nothing. Empty when it passes.
 *
 * @example
 * ```ts
 * sectionTitleProblems('Seoul Pushes High-Level Talks With Beijing This Quarter'); // []
 * ```
 */
export function sectionTitleProblems(
  title: string,
  keyTerms: ReadonlySet<string> = new Set(),
): ('length' | 'no-verb' | 'no-name')[] {
  const problems: ('length' | 'no-verb' | 'no-name')[] = [];
  const words = title.split(/\s+/).filter((w) => w !== '').length;
  if (words < 4 || words > 9) problems.push('length');
  if (!hasFiniteVerb(title)) problems.push('no-verb');
  if (!namesSomething(title, keyTerms)) problems.push('no-name');
  return problems;
}

/**
 * A section's title as a short statement drawn from its own sentences: each sentence compressed
 * (attribution, time expressions, asides and trailing clauses dropped) to 4–9 words with a
 * finite verb and a name or key noun, the one sharing most terms with its section and fewest
 * with the others, title-cased; `undefined` when no sentence compresses that far.
 *
 * @example
 * ```ts
 * sectionTitle(group, all, new Set()); // 'Council Approves $42 Million Transit Budget'
 * ```
 */
export function sectionTitle(
  group: readonly Selected[],
  all: readonly Selected[],
  used: Set<string>,
  titles: readonly string[] = [],
): string | undefined {
  const inside = new Map<string, number>();
  for (const s of group)
    for (const t of s.candidate.features.terms.keys()) inside.set(t, (inside.get(t) ?? 0) + 1);
  const others = new Set(
    all.filter((s) => !group.includes(s)).flatMap((s) => [...s.candidate.features.terms.keys()]),
  );
  const keyTerms: ReadonlySet<string> = new Set(inside.keys());
  let best = { title: '', score: Number.NEGATIVE_INFINITY };
  // The section's sentences first, then the titles of the articles they come from.
  const texts = [
    ...group.map((s) => s.candidate.text),
    ...new Set(group.flatMap((s) => titles[s.candidate.member] ?? [])),
  ];
  texts.forEach((text, rank) => {
    const compressed = compressSentence(text, 60);
    const short = compressed && mainClause(compressed, 9);
    if (!short) return;
    const title = titleCase(short);
    if (used.has(title.toLowerCase()) || sectionTitleProblems(title, keyTerms).length) return;
    if (problemsExceptCase(title).length > 0) return;
    const stems = title
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .map((w) => stem(w));
    const own = stems.reduce((sum, t) => sum + (inside.get(t) ?? 0) - (others.has(t) ? 0.5 : 0), 0);
    const score = own / Math.sqrt(stems.length) - 0.3 * rank;
    if (score > best.score) best = { title, score };
  });
  if (best.title === '') return undefined;
  used.add(best.title.toLowerCase());
  return best.title;
}
