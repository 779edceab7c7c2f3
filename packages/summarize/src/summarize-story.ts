import type { Article, Story, StorySummary, SummarySentence } from '@newsloom/core';
import { buildCorpus, type Candidate, type Corpus } from './corpus';
import { extractExternalResources } from './external-resources';
import { featuresOf } from './features';
import { sectionHeading } from './heading';
import { chooseHeadline, cleanTitle } from './headline';
import { type ResolvedOptions, resolveOptions, type SummarizeOptions } from './options';
import { storyPerspectives } from './perspectives';
import { sectionTitle } from './section-title';
import { groupSections } from './sections';
import { type Selected, selectSentences } from './select';
import { citeCandidate, SourceNumbering } from './source-numbering';
import { whatIsNewSince } from './what-is-new';

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
  if (selected.length === 0) selected = [titleCandidate(corpus, chosen.titleMember())];
  const headline = chosen.headline;
  const numbering = new SourceNumbering(corpus);
  const used = new Set<string>();
  const names = corpus.members.map((a) => a.outletName ?? '').filter((n) => n !== '');
  const titles = corpus.members.map((a) => cleanTitle(a.title, names));
  const sections = groupSections(selected, resolved).map((group) => ({
    heading: sectionTitle(group, selected, used, titles) ?? sectionHeading(group, selected, used),
    sentences: group.map((s) => citeCandidate(s.candidate, corpus, numbering, resolved)),
  }));
  return assembleSummary(
    story,
    corpus,
    { headline, sections, method: 'extractive', replacedSentences: 0 },
    { numbering, options: resolved },
  );
}

/**
 * A story's summary from its own parts; the fields every summary shares are filled in here:
 * external resources, perspectives (cited with the same source numbers), what is new since the
 * previous summary, and the `isNew` marks on sentences from articles added since.
 */
export function assembleSummary(
  story: Story,
  corpus: Corpus,
  parts: Pick<StorySummary, 'headline' | 'sections' | 'method' | 'replacedSentences'>,
  { numbering, options }: { numbering: SourceNumbering; options: ResolvedOptions },
): StorySummary {
  const perspectives = storyPerspectives(
    corpus,
    options.outlets,
    options.perspectiveAttributes,
    numbering,
    options,
  );
  const whatIsNew = whatIsNewSince(options.previous, corpus.members);
  const added = new Set(whatIsNew?.newArticleIds ?? []);
  const mark = (s: SummarySentence): SummarySentence =>
    added.has(s.provenance.articleId) ? { ...s, isNew: true } : s;
  return {
    storyId: story.id,
    headline: parts.headline,
    articleCount: corpus.members.length,
    updatedAt: story.updatedAt,
    sections: parts.sections.map((x) => ({ ...x, sentences: x.sentences.map(mark) })),
    sources: numbering.sources,
    externalResources: extractExternalResources(story, corpus.members),
    method: parts.method,
    replacedSentences: parts.replacedSentences,
    articleIds: corpus.members.map((a) => a.id),
    perspectives: perspectives.map((p) => ({
      ...p,
      groups: p.groups.map((g) => (g.sentence ? { ...g, sentence: mark(g.sentence) } : g)),
    })),
    ...(whatIsNew ? { whatIsNew } : {}),
  };
}
