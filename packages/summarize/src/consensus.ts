import type { Article } from '@newsloom/core';
import { isStopword, stem } from '@newsloom/text';

// Word-level consensus for headlines. A neutral headline states the facts the outlets share, so
// a word of a candidate headline is likely to be in it when other outlets' titles and leads
// carry the word too. Measured on the dev sets (a content word of a title is in the neutral
// headline 7% of the time when no other outlet has it, 89% when both others have it in title
// and lead), the chooser estimates each word's chance and picks the candidate with the best
// expected ROUGE-1 F1: the expected shared words over the candidate's and a headline's length.

/** Characters of an article's body read as its lead (the first two or three sentences). */
const LEAD_CHARS = 400;

/** How likely a word is to be in a neutral headline (chosen on the dev sets; see README). */
const CONSENSUS = {
  /** Chance of a word nothing else supports. */
  base: 0.01,
  /** Added when every other outlet's title has it (in proportion to the share that do). */
  titles: 0.8,
  /** Added when every other outlet's lead has it. */
  leads: 0.2,
  /** Added when the candidate's own article has it in its other field (title or lead). */
  own: 0.15,
  /** Function words ("of", "the") count this much: headlines drop most of them. */
  stopword: 0.3,
  /** Words a neutral headline is assumed to have, for the F1 denominator. */
  headlineWords: 5,
};

/** Word forms of a text as ROUGE compares them: lower case, letters and digits, stemmed. */
export function wordForms(text: string): string[] {
  const out: string[] = [];
  for (const raw of wordsOf(text.toLowerCase())) out.push(raw.length > 3 ? stem(raw) : raw);
  return out;
}

/** A letter or digit at the sticky position (one code point, astral ones whole). */
const WORD_CHAR_AT = /[\p{L}\p{N}]/uy;

/**
 * The non-empty pieces of `text.split(/[^\p{L}\p{N}]+/u)`, by one scan: ASCII is classified by
 * its code, only other code points by the regex, and no array of pieces and separators is built.
 */
function wordsOf(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    let width = 1;
    let isWord: boolean;
    if (c < 128) isWord = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
    else {
      width = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
      WORD_CHAR_AT.lastIndex = i;
      isWord = WORD_CHAR_AT.test(text);
    }
    if (isWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(text.slice(start, i));
      start = -1;
    }
    i += width;
  }
  if (start >= 0) out.push(text.slice(start));
  return out;
}

/** Each syndication group's title and lead word forms, to score candidates against. */
export interface Consensus {
  /** Member indexes standing for a syndication group each. */
  groups: number[];
  titles: Map<number, Set<string>>;
  leads: Map<number, Set<string>>;
  /** Word → how many groups' titles have it (and leads): "how many others" in O(1). */
  titleCounts: Map<string, number>;
  leadCounts: Map<string, number>;
}

function countInto(counts: Map<string, number>, words: Iterable<string>): void {
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
}

/** The word forms of every group's title and lead. */
export function buildConsensus(
  members: readonly Article[],
  representative: readonly number[],
): Consensus {
  const groups = members.flatMap((_, i) => (representative[i] === i ? [i] : []));
  const titles = new Map<number, Set<string>>();
  const leads = new Map<number, Set<string>>();
  const titleCounts = new Map<string, number>();
  const leadCounts = new Map<string, number>();
  for (const i of groups) {
    const article = members[i] as Article;
    const title = new Set(wordForms(article.title));
    const body = article.summary || article.text || '';
    const lead = new Set(wordForms(body.slice(0, LEAD_CHARS)));
    titles.set(i, title);
    leads.set(i, lead);
    countInto(titleCounts, title);
    countInto(leadCounts, lead);
  }
  return { groups, titles, leads, titleCounts, leadCounts };
}

/**
 * Expected ROUGE-1 F1 of a candidate headline against the (unknown) neutral one: each distinct
 * word's chance of being in it, from how many other outlets' titles and leads carry it, summed,
 * over the candidate's length plus a headline's. `fromLead`: the candidate comes from the
 * article's lead, so its own title is the other field that may support it.
 */
export function expectedF1(
  words: readonly string[],
  member: number,
  fromLead: boolean,
  consensus: Consensus,
): number {
  const isGroup = consensus.titles.has(member);
  const others = consensus.groups.length - (isGroup ? 1 : 0);
  const ownTitle = consensus.titles.get(member);
  const ownLead = consensus.leads.get(member);
  const ownOther = fromLead ? ownTitle : ownLead;
  const share = others > 0 ? 1 / others : 0;
  let expected = 0;
  for (const word of new Set(words)) {
    // Groups other than the candidate's own that carry the word.
    const inTitles = (consensus.titleCounts.get(word) ?? 0) - (ownTitle?.has(word) ? 1 : 0);
    const inLeads = (consensus.leadCounts.get(word) ?? 0) - (ownLead?.has(word) ? 1 : 0);
    let p =
      CONSENSUS.base +
      CONSENSUS.titles * inTitles * share +
      CONSENSUS.leads * inLeads * share +
      (ownOther?.has(word) ? CONSENSUS.own : 0);
    if (isStopword(word)) p *= CONSENSUS.stopword;
    expected += Math.min(0.95, p);
  }
  return (2 * expected) / (words.length + CONSENSUS.headlineWords);
}
