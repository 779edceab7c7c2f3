import { dot } from '@newsloom/text';
import { cleanTitle } from './clean-title';
import { buildConsensus, type Consensus, expectedF1 } from './consensus';
import type { Corpus } from './corpus';
import { breaksRules, type HeadlineCandidate, headlineCandidates } from './headline-candidates';
import { shortenHeadline, titleCase } from './headline-rules';

export { cleanTitle } from './clean-title';

/**
 * Scoring beside the expected F1 (chosen on the dev sets, see README): a verbatim title's bonus,
 * a lead compression's penalty (a lead reads less like a headline), and the weight of agreement
 * with the other outlets' titles (mean TF-IDF cosine).
 */
const HEADLINE_WEIGHTS = { verbatim: 0.015, fromLead: 0.05, titleAgreement: 0.03 };

const isLead = (c: HeadlineCandidate): boolean => c.origin === 'lead' || c.origin === 'lead-cut';

/** Each candidate's agreement with the other outlets' titles: mean TF-IDF cosine, in O(n). */
function titleAgreement(all: readonly HeadlineCandidate[]): number[] {
  const titleSum = new Map<string, number>();
  const ownTitle = new Map<number, HeadlineCandidate>();
  for (const c of all) {
    if (c.origin !== 'title') continue;
    ownTitle.set(c.member, c);
    for (const [t, w] of c.vector) titleSum.set(t, (titleSum.get(t) ?? 0) + w);
  }
  return all.map((c) => {
    const own = ownTitle.get(c.member);
    const peers = ownTitle.size - (own ? 1 : 0);
    const sum = dot(c.vector, titleSum) - (own ? dot(c.vector, own.vector) : 0);
    return peers > 0 ? sum / peers : 0;
  });
}

/**
 * Each candidate's score: its expected ROUGE-1 F1 against a neutral headline from word-level
 * consensus (see `consensus.ts`), plus a little agreement with the other outlets' titles, a
 * verbatim title's bonus and a lead's penalty.
 */
function scoreAll(
  all: readonly HeadlineCandidate[],
  consensus: Consensus,
  agreement: readonly number[] = titleAgreement(all),
): number[] {
  const W = HEADLINE_WEIGHTS;
  return all.map(
    (c, i) =>
      expectedF1(c.words, c.member, isLead(c), consensus) +
      W.titleAgreement * (agreement[i] ?? 0) +
      (c.origin === 'title' ? W.verbatim : 0) -
      (isLead(c) ? W.fromLead : 0),
  );
}

/**
 * The member whose title (or a short form of it, or a lead compression) stands best for the
 * story's content — agreement with the other titles, a little with the story centroid, 5–8
 * words — for a story without usable body sentences, whose summary is that title. (The scoring
 * the headline used before word-level consensus; kept so such summaries did not change.)
 */
function summaryTitleMember(
  all: readonly HeadlineCandidate[],
  agreement: readonly number[],
  centroid: ReadonlyMap<string, number>,
  names: readonly string[],
): number {
  const scored = all.flatMap((c, i) => {
    if (c.origin === 'cut' || c.origin === 'lead-cut') return [];
    const size = c.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    const score =
      (agreement[i] ?? 0) +
      0.1 * dot(c.vector, centroid) -
      0.03 * Math.max(0, size - 8) -
      0.08 * Math.max(0, 5 - size) +
      (c.origin === 'title' ? 0.1 : 0);
    return [{ c, score, i }];
  });
  scored.sort((x, y) => y.score - x.score || x.i - y.i);
  return (scored.find((x) => !breaksRules(x.c, names)) ?? scored[0])?.c.member ?? 0;
}

/**
 * Generates the story's neutral headline: candidates are the cleaned member titles, their
 * shorter forms, Hedge-Trimmer compressions of titles and lead sentences (attribution, hedges,
 * time expressions, asides and trailing clauses dropped) and every clean cut of their main
 * clause; those breaking the headline rules (question, first or second person, bare quote,
 * outlet name, too long, cut) are out; the rest are ranked by word-level consensus — each
 * word's chance of being in a neutral headline from how many other outlets' titles and leads
 * carry it, as an expected ROUGE-1 F1 — and shown in title case. `titleMember()` gives the
 * article whose title stands in for a summary when no body sentence is usable.
 *
 * @example
 * ```ts
 * chooseHeadline(corpus, 90).headline; // 'Taliban Close In on Kabul'
 * ```
 */
export function chooseHeadline(
  corpus: Corpus,
  maxLength: number,
): { headline: string; titleMember: () => number } {
  const names = corpus.members.map((a) => a.outletName ?? '').filter((n) => n !== '');
  const all = headlineCandidates(corpus, names).filter((c) => c.text.length <= maxLength);
  const agreement = titleAgreement(all);
  const scores = scoreAll(all, buildConsensus(corpus.members, corpus.representative), agreement);
  // Best first (ties keep candidate order); the rules are checked only until one passes.
  const order = all.map((_, i) => i).sort((x, y) => (scores[y] ?? 0) - (scores[x] ?? 0) || x - y);
  const best = order.map((i) => all[i] as HeadlineCandidate).find((c) => !breaksRules(c, names));
  // Only a story without usable body sentences needs it; one syndication group has one title.
  const oneGroup = corpus.representative.every((r) => r === 0);
  const titleMember = (): number =>
    oneGroup ? 0 : summaryTitleMember(all, agreement, corpus.centroid, names);
  if (best) return { headline: titleCase(best.text), titleMember };
  const fallback = cleanTitle(corpus.members[0]?.title ?? '', names) || 'Untitled Story';
  return {
    headline: titleCase(shortenHeadline(fallback.replace(/\?+$/u, ''), maxLength)),
    titleMember,
  };
}
