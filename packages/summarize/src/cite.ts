import type { Corpus } from './corpus';
import type { TextFeatures } from './features';
import type { ResolvedOptions } from './options';
import { supportScore } from './support';

/** One supporting member of the story and how strongly it supports a sentence. */
export interface Support {
  member: number;
  score: number;
}

/**
 * Every article that supports a sentence, best first, one per syndication group, capped at
 * `maxCitations`. `source` (the article the sentence came from, if any) always comes first with
 * score 1 when `sourceScore` is not given.
 */
export function supportingMembers(
  sentence: TextFeatures,
  corpus: Corpus,
  options: ResolvedOptions,
  source?: { member: number; score?: number },
): Support[] {
  const out: Support[] = [];
  const groups = new Set<number>();
  if (source) {
    out.push({ member: source.member, score: source.score ?? 1 });
    groups.add(corpus.representative[source.member] ?? source.member);
  }
  const others: Support[] = [];
  // Members are checked before `corpus.docs` is read: a one-group story never computes it.
  for (let member = 0; member < corpus.members.length; member += 1) {
    const group = corpus.representative[member] ?? member;
    if (groups.has(group) || group !== member) continue;
    const score = supportScore(sentence, corpus.docs[member] as TextFeatures);
    if (score >= options.minSupport) others.push({ member, score });
  }
  others.sort((a, b) => b.score - a.score || a.member - b.member);
  for (const support of others) {
    if (out.length >= options.maxCitations) break;
    out.push(support);
  }
  return out;
}
