import type { Article, SummarySentence, SummarySource } from '@newsloom/core';
import { type Support, supportingMembers } from './cite';
import type { Candidate, Corpus } from './corpus';
import type { ResolvedOptions } from './options';

/** Numbers sources in order of first citation. */
export class SourceNumbering {
  readonly sources: SummarySource[] = [];
  private readonly numbers = new Map<number, number>();

  constructor(private readonly corpus: Corpus) {}

  /** The 1-based source number of a member, assigning the next one on first use. */
  numberOf(member: number): number {
    const known = this.numbers.get(member);
    if (known !== undefined) return known;
    const article = this.corpus.members[member] as Article;
    const n = this.sources.length + 1;
    this.numbers.set(member, n);
    this.sources.push({
      n,
      articleId: article.id,
      outletId: article.outletId,
      ...(article.outletName === undefined ? {} : { outletName: article.outletName }),
      title: article.title,
      url: article.url,
      publishedAt: article.publishedAt,
    });
    return n;
  }
}

/** A sentence's supports, source-numbered with scores to 3 decimals, and its citations, ascending. */
export function numberedSupport(
  supports: readonly Support[],
  corpus: Corpus,
  numbering: SourceNumbering,
): Pick<SummarySentence, 'citations'> & Pick<SummarySentence['provenance'], 'support'> {
  const support = supports.map((s) => ({
    n: numbering.numberOf(s.member),
    articleId: (corpus.members[s.member] as Article).id,
    score: Math.round(s.score * 1000) / 1000,
  }));
  return { support, citations: support.map((s) => s.n).sort((a, b) => a - b) };
}

/** A cited summary sentence for an extracted candidate. */
export function citeCandidate(
  candidate: Candidate,
  corpus: Corpus,
  numbering: SourceNumbering,
  options: ResolvedOptions,
): SummarySentence {
  const supports = supportingMembers(candidate.features, corpus, options, {
    member: candidate.member,
  });
  const { support, citations } = numberedSupport(supports, corpus, numbering);
  return {
    text: candidate.text,
    citations,
    provenance: {
      articleId: (corpus.members[candidate.member] as Article).id,
      field: candidate.field,
      start: candidate.start,
      end: candidate.end,
      support,
      method: 'extractive',
    },
  };
}
