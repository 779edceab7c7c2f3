import type { Article } from '@newsloom/core';
import { dot } from '@newsloom/text';
import type { Corpus } from './corpus';
import { featuresOf, tfidfVector } from './features';

const SUFFIX = /\s+[|–—-]\s+[^|–—-]{2,40}$/u;
const PREFIX =
  /^(?:(?:breaking|exclusive|watch|live|video|opinion|analysis|editorial|update[d]?|just in|fact check|explainer|commentary|podcast)\s*[:|–—-]\s*)+/iu;
const BAIT =
  /\b(?:you|your|here's|here is|what we know|what to know|everything you need|why it matters|this is why|find out|you won't|must see)\b/iu;

const NEWS_WORDS =
  /\b(?:news|times|post|journal|daily|press|herald|tribune|guardian|telegraph|reuters|ap|bbc|cnn|npr|fox|nbc|cbs|abc|msnbc|politico|axios|bloomberg|wire|online|today|gazette|review|magazine|report)\b/iu;

/**
 * Removes outlet suffixes (" - BBC News", " | Reuters") and labels ("LIVE:", "Opinion |") from a
 * title; a suffix is only removed when it names one of the story's outlets or looks like a
 * brand (short, title-cased).
 *
 * @example
 * ```ts
 * cleanTitle('Fed raises rates - BBC News', ['BBC News']); // 'Fed raises rates'
 * ```
 */
export function cleanTitle(title: string, outletNames: readonly string[] = []): string {
  let out = title.replace(/\s+/g, ' ').trim().replace(PREFIX, '');
  for (let i = 0; i < 2; i += 1) {
    const match = SUFFIX.exec(out);
    if (!match) break;
    const tail = match[0].replace(/^\s+[|–—-]\s+/u, '');
    const isOutlet = outletNames.some((name) => name.toLowerCase().startsWith(tail.toLowerCase()));
    const brandLike =
      /^(?:[\p{Lu}\d][\p{L}\d.&'’]*\s?){1,4}$/u.test(tail) && tail.split(' ').length <= 4;
    if (!isOutlet && !(brandLike && (NEWS_WORDS.test(tail) || /[|]/.test(match[0])))) break;
    out = out.slice(0, match.index).trim();
  }
  return out.replace(/^["'“‘]+(.*)["'”’]+$/u, '$1').trim();
}

/** Cuts a long headline at a clause boundary (colon, dash, semicolon, comma) or a word. */
export function shortenHeadline(headline: string, maxLength: number): string {
  if (headline.length <= maxLength) return headline;
  const head = headline.slice(0, maxLength + 1);
  const clause = Math.max(
    head.lastIndexOf(': '),
    head.lastIndexOf(' — '),
    head.lastIndexOf('; '),
    head.lastIndexOf(', '),
  );
  if (clause >= maxLength * 0.5) return head.slice(0, clause).trim();
  const space = head.lastIndexOf(' ');
  return head.slice(0, space > 0 ? space : maxLength).replace(/[\s,;:–—-]+$/u, '');
}

/** Penalty for titles that are not neutral headlines: questions, bait, quotes, shouting. */
function baitPenalty(title: string): number {
  let penalty = 0;
  if (title.includes('?')) penalty += 0.25;
  if (BAIT.test(title)) penalty += 0.15;
  if (/^["'“‘]/u.test(title)) penalty += 0.08;
  if (/!/.test(title)) penalty += 0.08;
  const words = title.split(/\s+/).length;
  if (words < 5) penalty += 0.08;
  if (words > 18) penalty += 0.05;
  return penalty;
}

/**
 * Chooses the story's headline: the cleaned member title most similar to the story centroid and
 * to the other titles, minus a penalty for questions and bait, cut to `maxLength` characters.
 *
 * @example
 * ```ts
 * chooseHeadline(corpus, 110); // 'Taliban close in on Kabul as Afghan president seeks talks'
 * ```
 */
export function chooseHeadline(
  corpus: Corpus,
  maxLength: number,
): { headline: string; member: number } {
  const names = corpus.members.map((a: Article) => a.outletName ?? '').filter((n) => n !== '');
  const titles = corpus.members.map((a) => cleanTitle(a.title, names));
  const vectors = titles.map((t) =>
    tfidfVector(featuresOf(t, { entities: false }).terms, corpus.idf),
  );
  const isRep = (i: number): boolean => corpus.representative[i] === i;
  // Sum of representative title vectors: peer similarity in O(n) instead of O(n²).
  const titleSum = new Map<string, number>();
  vectors.forEach((v, i) => {
    if (isRep(i)) for (const [t, w] of v) titleSum.set(t, (titleSum.get(t) ?? 0) + w);
  });
  const groups = Math.max(1, corpus.representative.filter((r, i) => r === i).length - 1);
  let best = { headline: '', member: 0, score: Number.NEGATIVE_INFINITY };
  titles.forEach((title, member) => {
    if (title === '' || !isRep(member)) return;
    const vector = vectors[member] ?? new Map<string, number>();
    const peers = (dot(vector, titleSum) - dot(vector, vector)) / groups;
    // Agreement with the other outlets' titles decides; the body centroid breaks ties; headlines
    // beyond eight words pay a little per word.
    const extraWords = Math.max(0, title.split(' ').length - 8);
    const score =
      peers + 0.1 * dot(vector, corpus.centroid) - baitPenalty(title) - 0.03 * extraWords;
    if (score > best.score) best = { headline: title, member, score };
  });
  const fallback = best.headline || corpus.members[0]?.title || 'Untitled story';
  return { headline: shortenHeadline(fallback, maxLength), member: best.member };
}
