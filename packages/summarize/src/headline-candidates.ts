import type { Article } from '@newsloom/core';
import { cleanTitle } from './clean-title';
import { clauseCuts, compressSentence, mainClause } from './compress';
import { wordForms } from './consensus';
import type { Corpus } from './corpus';
import { termCounts, tfidfVector } from './features';
import { problemsExceptCase, titleCase } from './headline-rules';

/** Words a generated headline may have: news headlines run 6–14 words. */
const MAX_WORDS = 14;
const BAIT =
  /\b(?:here's|here is|what we know|what to know|everything you need|why it matters|this is why|find out|must see)\b|!/iu;

/**
 * Where a candidate comes from: a member `title` (cleaned only), a `short` form of it
 * (compressed, first sentence, one side of a colon), a clause `cut` of either, a compressed
 * `lead` sentence or a clause cut of one (`lead-cut`). A title's part after a label counts as a cut.
 */
type HeadlineOrigin = 'title' | 'short' | 'cut' | 'lead' | 'lead-cut';

/** A possible headline, with what scoring needs. */
export interface HeadlineCandidate {
  text: string;
  member: number;
  origin: HeadlineOrigin;
  /** TF-IDF vector over the story's vocabulary. */
  vector: Map<string, number>;
  /** Word forms as ROUGE compares them. */
  words: string[];
}

/** Builds candidates; vectors only when there are other titles to agree with. */
function makeCandidate(idf: ReadonlyMap<string, number> | undefined) {
  return (text: string, member: number, origin: HeadlineOrigin): HeadlineCandidate => {
    const vector = idf ? tfidfVector(termCounts(text), idf) : new Map();
    return { text, member, origin, vector, words: wordForms(text) };
  };
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

/** A member's cleaned title without a final full stop ("… Pause."); "U.S." keeps its own. */
function headlineTitle(article: Article, names: readonly string[]): string {
  return cleanTitle(article.title, names).replace(/(?<![\s.]\p{Lu})\.$/u, '');
}

/**
 * Headline candidates of a story: each syndication group's title, its shorter forms and their
 * clause cuts, and the compressed opening sentences (first two, not dependent) with their cuts.
 */
export function headlineCandidates(corpus: Corpus, names: readonly string[]): HeadlineCandidate[] {
  const out: HeadlineCandidate[] = [];
  // Per text, the (member, from a lead) pairs it was added for, as member × 2 + lead: no
  // joined key string to build and hash per candidate.
  const seen = new Map<string, Set<number>>();
  const groups = corpus.members.filter((_, i) => corpus.representative[i] === i).length;
  const make = makeCandidate(groups > 1 ? corpus.idf : undefined);
  // The same text twice from one article scores the same (same origin kind): keep the first.
  const add = (text: string, member: number, origin: HeadlineOrigin): void => {
    const key = member * 2 + (origin === 'lead' || origin === 'lead-cut' ? 1 : 0);
    let added = seen.get(text);
    if (added === undefined) {
      added = new Set();
      seen.set(text, added);
    } else if (added.has(key)) return;
    added.add(key);
    out.push(make(text, member, origin));
  };
  corpus.members.forEach((article, member) => {
    if (corpus.representative[member] !== member) return;
    const title = headlineTitle(article, names);
    if (title !== '') add(title, member, 'title');
    const shorter = shorterTitles(title);
    for (const short of shorter) add(short, member, 'short');
    // The part after a short label ("Miami collapse: Rest of tower is demolished"), clause cuts.
    const afterLabel = /^[^:]{2,40}:\s+(\P{P}.{20,})$/u.exec(title)?.[1];
    if (afterLabel) add(afterLabel, member, 'cut');
    for (const short of [title, ...shorter])
      for (const cut of clauseCuts(short)) add(cut, member, 'cut');
  });
  for (const c of corpus.candidates) {
    if (c.position > 1 || c.dependent) continue;
    const short = compressSentence(c.text, MAX_WORDS) ?? clauseOf(c.text);
    if (!short) continue;
    add(short, c.member, 'lead');
    for (const cut of clauseCuts(short)) add(cut, c.member, 'lead-cut');
  }
  return out;
}

/** True when a candidate breaks a headline rule (title case is applied when shown). */
export function breaksRules(c: HeadlineCandidate, names: readonly string[]): boolean {
  if (BAIT.test(c.text)) return true;
  return problemsExceptCase(titleCase(c.text), names).length > 0;
}
