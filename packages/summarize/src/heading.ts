import { isStopword, stem } from '@newsloom/text';
import type { Selected } from './select';

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’.$%-]*|[,;:()"“”—–?!]/gu;
/** Words that break a noun-like phrase: reporting verbs, past tenses, gerunds, auxiliaries. */
const VERB_LIKE =
  /^(?:said|says|say|told|tells|added|asked|announced|argued|according|will|would|could|should|may|might|must)$/i;
const SMALL_WORDS = /^(?:a|an|the|of|in|on|to|for|and|or|at|by|with|from)$/i;

/** True for a word that can be part of a heading phrase (a content word, not verb-like). */
function isPhraseWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/u, '');
  if (!/^[\p{L}\p{N}]/u.test(word) || isStopword(lower) || VERB_LIKE.test(lower)) return false;
  const capitalised = /^\p{Lu}/u.test(word);
  return capitalised || !/^\p{Ll}{3,}(?:ed|ing)$/u.test(lower);
}

/** Maximal runs of phrase words in a sentence ("of" may join two runs). */
function phraseRuns(text: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  const words = [...text.matchAll(WORD_RE)].map((m) => m[0].replace(/[.]$/u, ''));
  words.forEach((word, i) => {
    const joiner =
      word.toLowerCase() === 'of' && run.length > 0 && isPhraseWord(words[i + 1] ?? '');
    if (isPhraseWord(word) || joiner) run.push(word);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Title-cases a phrase, keeping short function words lower-case. */
function titleCase(phrase: string): string {
  return phrase
    .split(' ')
    .map((w, i) =>
      i > 0 && SMALL_WORDS.test(w) ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1),
    )
    .join(' ');
}

/** Per-stem counts of the sentences (in `items`) that mention each content term. */
function termSentenceCounts(items: readonly Selected[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of items)
    for (const t of s.candidate.features.terms.keys()) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/**
 * A short heading naming a section's sub-topic: the 1–4-word noun-like phrase of its sentences
 * (no stop words or reporting verbs inside) whose words its sentences share most and the other
 * sections least, title-cased; never one already used.
 *
 * @example
 * ```ts
 * sectionHeading(group, all, new Set()); // 'Sales Tax Increase'
 * ```
 */
export function sectionHeading(
  group: readonly Selected[],
  all: readonly Selected[],
  used: Set<string>,
): string {
  const inside = termSentenceCounts(group);
  const outside = termSentenceCounts(all.filter((s) => !group.includes(s)));
  const weight = (word: string): number => {
    const t = stem(word.toLowerCase().replace(/['’]s$/u, ''));
    if (SMALL_WORDS.test(word)) return 0;
    return (
      (inside.get(t) ?? 0) - 0.6 * (outside.get(t) ?? 0) + (/^\p{Lu}/u.test(word) ? 0.4 : 0) + 0.2
    );
  };
  let best = { phrase: '', score: Number.NEGATIVE_INFINITY };
  group.forEach((s, rank) => {
    for (const run of phraseRuns(s.candidate.text)) {
      // Each word is weighed once per run, not once per span it appears in.
      const weights = run.map(weight);
      for (let i = 0; i < run.length; i += 1) {
        for (let len = 1; len <= 4 && i + len <= run.length; len += 1) {
          if (SMALL_WORDS.test(run[i] ?? '') || SMALL_WORDS.test(run[i + len - 1] ?? '')) continue;
          let sum = 0;
          for (let k = i; k < i + len; k += 1) sum += weights[k] ?? 0;
          const score = sum / Math.sqrt(len) - (len === 1 ? 0.5 : 0) - 0.1 * rank;
          // The phrase is only joined for a span that would beat the best so far.
          if (!(score > best.score)) continue;
          const phrase = run.slice(i, i + len).join(' ');
          if (!used.has(titleCase(phrase).toLowerCase())) best = { phrase, score };
        }
      }
    }
  });
  const heading = titleCase(best.phrase || `Update ${used.size + 1}`);
  used.add(heading.toLowerCase());
  return heading;
}
