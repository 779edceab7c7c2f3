import type { Article, Story, StorySummary, SummarySentence, SummarySource } from '@newsloom/core';
import { type Support, supportingMembers } from './cite';
import { buildCorpus, type Candidate, type Corpus } from './corpus';
import { extractExternalResources } from './external-resources';
import { featuresOf } from './features';
import { sectionHeading } from './heading';
import { chooseHeadline } from './headline';
import { type ResolvedOptions, resolveOptions, type SummarizeOptions } from './options';
import { sectionTitle } from './section-title';
import { groupSections } from './sections';
import { type Selected, selectSentences } from './select';

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

/** A title-only candidate, for stories whose articles have no usable body sentence. */
function titleCandidate(corpus: Corpus, member: number): Selected {
  const text = (corpus.members[member] as Article).title.trim();
  const start = (corpus.members[member] as Article).title.indexOf(text);
  const features = featuresOf(text);
  const candidate: Candidate = {
    member,
    field: 'title',
    start,
    end: start + text.length,
    text,
    position: 0,
    dependent: false,
    words: text.split(/\s+/).length,
    features,
    vector: new Map(),
  };
  return { candidate, rank: 0 };
}

/**
 * Summarises a story extractively: a neutral headline chosen from member titles by centrality,
 * 1–5 titled sections of 1–4 sentences chosen by MMR, every sentence citing every article that
 * supports it (syndicated copies once, at most `maxCitations`), sources numbered by first
 * citation. Pure, synchronous and deterministic.
 *
 * @throws {NewsloomError} `INVALID_INPUT` when none of the story's articles is in `articles`.
 * @example
 * ```ts
 * const summary = summarizeStory(story, articles, { maxCitations: 3 });
 * summary.sections[0]?.sentences[0]?.citations; // [1, 2]
 * ```
 */
export function summarizeStory(
  story: Story,
  articles: readonly Article[],
  options: SummarizeOptions = {},
): StorySummary {
  const resolved = resolveOptions(options);
  return summarizeCorpus(story, buildCorpus(story, articles, resolved), resolved);
}

/** The extractive summary of a story whose corpus is already built. */
export function summarizeCorpus(
  story: Story,
  corpus: Corpus,
  resolved: ResolvedOptions,
): StorySummary {
  const chosen = chooseHeadline(corpus, resolved.maxHeadlineLength);
  let selected = selectSentences(
    corpus,
    resolved,
    resolved.maxSections * resolved.maxSentencesPerSection,
  );
  if (selected.length === 0) selected = [titleCandidate(corpus, chosen.member)];
  const headline = chosen.headline;
  const numbering = new SourceNumbering(corpus);
  const used = new Set<string>();
  const sections = groupSections(selected, resolved).map((group) => ({
    heading: sectionTitle(group, selected, used) ?? sectionHeading(group, selected, used),
    sentences: group.map((s) => citeCandidate(s.candidate, corpus, numbering, resolved)),
  }));
  return assembleSummary(story, corpus, {
    headline,
    sections,
    sources: numbering.sources,
    method: 'extractive',
    replacedSentences: 0,
  });
}

/** A story's summary from its own parts; the fields every summary shares are filled in here. */
export function assembleSummary(
  story: Story,
  corpus: Corpus,
  parts: Pick<StorySummary, 'headline' | 'sections' | 'sources' | 'method' | 'replacedSentences'>,
): StorySummary {
  return {
    storyId: story.id,
    headline: parts.headline,
    articleCount: corpus.members.length,
    updatedAt: story.updatedAt,
    sections: parts.sections,
    sources: parts.sources,
    externalResources: extractExternalResources(story, corpus.members),
    method: parts.method,
    replacedSentences: parts.replacedSentences,
  };
}
