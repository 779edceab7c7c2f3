import type { Article } from '@newsloom/core';
import { dot } from '@newsloom/text';
import { cleanTitle } from './clean-title';
import { compressSentence, mainClause } from './compress';
import type { Corpus } from './corpus';
import { featuresOf, tfidfVector } from './features';
import { headlineProblems, shortenHeadline, titleCase } from './headline-rules';

export { cleanTitle } from './clean-title';

/** Words a generated headline may have: news headlines run 6–14 words. */
const MAX_WORDS = 14;
const BAIT =
  /\b(?:here's|here is|what we know|what to know|everything you need|why it matters|this is why|find out|must see)\b|!/iu;

/** Scoring weights, chosen on the dev sets (see README). */
const P = { cent: 0.1, lo: 5, hi: 8, short: 0.08, long: 0.03, verb: 0.1 };
interface HeadlineCandidate {
  text: string;
  member: number;
  vector: Map<string, number>;
  size: number;
  /** A member title kept verbatim (cleaned only). */
  verbatim: boolean;
}

/** Words in a text (for the length rule). */
function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function candidate(
  text: string,
  member: number,
  verbatim: boolean,
  idf: ReadonlyMap<string, number>,
): HeadlineCandidate {
  const vector = tfidfVector(featuresOf(text, { entities: false }).terms, idf);
  return { text, member, verbatim, vector, size: wordCount(text) };
}

/** The main clause of a long sentence, attribution and asides dropped. */
function clauseOf(text: string): string | undefined {
  const compressed = compressSentence(text, 60);
  return compressed === undefined ? undefined : mainClause(compressed, MAX_WORDS);
}

/** Shorter forms of a title: compressed, its first sentence, the part before a colon or dash. */
function shorterTitles(title: string): string[] {
  const parts = [
    compressSentence(title, MAX_WORDS),
    /^(.{20,}?[^A-Z.])\.\s+\p{Lu}/u.exec(title)?.[1],
    /^(.{20,}?)(?::|\s[—–]|\s-)\s/u.exec(title)?.[1],
    clauseOf(title),
  ];
  return [
    ...new Set(parts.flatMap((p) => (p && p !== title && p.split(' ').length >= 4 ? [p] : []))),
  ];
}

/** Member titles (cleaned, and compressed when long) and the compressed lead sentences. */
function headlineCandidates(corpus: Corpus, names: readonly string[]): HeadlineCandidate[] {
  const out: HeadlineCandidate[] = [];
  corpus.members.forEach((article: Article, member) => {
    if (corpus.representative[member] !== member) return;
    const title = cleanTitle(article.title, names);
    if (title !== '') out.push(candidate(title, member, true, corpus.idf));
    for (const short of shorterTitles(title)) out.push(candidate(short, member, false, corpus.idf));
  });
  for (const c of corpus.candidates) {
    if (c.position > 1 || c.dependent) continue;
    const short = compressSentence(c.text, MAX_WORDS) ?? clauseOf(c.text);
    if (short) out.push(candidate(short, c.member, false, corpus.idf));
  }
  return out;
}

/** True when a candidate breaks a headline rule (title case is applied when shown). */
function breaksRules(c: HeadlineCandidate, names: readonly string[]): boolean {
  if (BAIT.test(c.text)) return true;
  return headlineProblems(titleCase(c.text), names).some((p) => p !== 'case');
}

/**
 * Agreement with the other outlets' titles (mean TF-IDF cosine, from one sum vector: O(n)), a
 * little agreement with the story's centroid, a preference for 5–8 words and for a verbatim title.
 */
function scoreAll(all: readonly HeadlineCandidate[], corpus: Corpus): number[] {
  const titleSum = new Map<string, number>();
  const ownTitle = new Map<number, HeadlineCandidate>();
  for (const c of all) {
    if (!c.verbatim) continue;
    ownTitle.set(c.member, c);
    for (const [t, w] of c.vector) titleSum.set(t, (titleSum.get(t) ?? 0) + w);
  }
  return all.map((c) => {
    const own = ownTitle.get(c.member);
    const peers = ownTitle.size - (own ? 1 : 0);
    const sum = dot(c.vector, titleSum) - (own ? dot(c.vector, own.vector) : 0);
    const extraWords = Math.max(0, c.size - P.hi);
    const short = Math.max(0, P.lo - c.size);
    return (
      (peers > 0 ? sum / peers : 0) +
      P.cent * dot(c.vector, corpus.centroid) -
      P.long * extraWords -
      P.short * short +
      (c.verbatim ? P.verb : 0)
    );
  });
}

/**
 * Generates the story's neutral headline: candidates are the cleaned member titles and
 * Hedge-Trimmer compressions of titles and lead sentences (attribution, hedges, time
 * expressions, asides and trailing clauses dropped); those breaking the headline rules
 * (question, first or second person, bare quote, outlet name, too long, cut) are out; the rest
 * are ranked by agreement with every other outlet's title (mean TF-IDF cosine, a consensus
 * choice), a little by the story centroid and a length preference, and shown in title case.
 *
 * @example
 * ```ts
 * chooseHeadline(corpus, 90); // { headline: 'Taliban Close In on Kabul as Afghan President Seeks Talks', member: 2 }
 * ```
 */
export function chooseHeadline(
  corpus: Corpus,
  maxLength: number,
): { headline: string; member: number } {
  const names = corpus.members.map((a) => a.outletName ?? '').filter((n) => n !== '');
  const all = headlineCandidates(corpus, names).filter((c) => c.text.length <= maxLength);
  const scores = scoreAll(all, corpus);
  // Best first (ties keep candidate order); the rules are checked only until one passes.
  const order = all.map((_, i) => i).sort((x, y) => (scores[y] ?? 0) - (scores[x] ?? 0) || x - y);
  const best = order.map((i) => all[i] as HeadlineCandidate).find((c) => !breaksRules(c, names));
  if (best) return { headline: titleCase(best.text), member: best.member };
  const fallback = cleanTitle(corpus.members[0]?.title ?? '', names) || 'Untitled Story';
  return {
    headline: titleCase(shortenHeadline(fallback.replace(/\?+$/u, ''), maxLength)),
    member: 0,
  };
}
