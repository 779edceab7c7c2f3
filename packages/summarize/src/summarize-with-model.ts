import {
  type Article,
  describeZodIssues,
  type ModelSummaryDraft,
  ModelSummaryDraftSchema,
  NewsloomError,
  type Story,
  type StorySummary,
  type Summarizer,
  type SummarySentence,
} from '@newsloom/core';
import { dot, type SparseVector, splitSentences } from '@newsloom/text';
import { type Support, supportingMembers } from './cite';
import { buildCorpus, type Candidate, type Corpus } from './corpus';
import { featuresOf, type TextFeatures, tfidfVector } from './features';
import { chooseHeadline, cleanTitle } from './headline';
import { headlineProblems, titleCase } from './headline-rules';
import { isBoilerplate, isReaderQuestion } from './hygiene';
import { type ResolvedOptions, resolveOptions, type SummarizeOptions } from './options';
import { selectSentences } from './select';
import { citeCandidate, numberedSupport, SourceNumbering } from './source-numbering';
import { assembleSummary, summarizeCorpus } from './summarize-story';
import { supportScore } from './support';

/** A replacement must be at least this similar (TF-IDF cosine) to the model sentence it replaces. */
const MIN_REPLACEMENT_SIMILARITY = 0.2;

interface Context {
  corpus: Corpus;
  options: ResolvedOptions;
  numbering: SourceNumbering;
  spares: Candidate[];
  replaced: number;
}

/** Where in an article a model sentence is best grounded: the most similar source sentence. */
function groundingSpan(
  article: Article,
  vector: SparseVector,
  corpus: Corpus,
): Pick<SummarySentence['provenance'], 'field' | 'start' | 'end'> {
  let best = {
    field: 'title' as 'title' | 'summary' | 'text',
    start: 0,
    end: article.title.length,
    sim: -1,
  };
  for (const field of ['title', 'summary', 'text'] as const) {
    for (const s of splitSentences(article[field] ?? '')) {
      const terms = featuresOf(s.text, { entities: false }).terms;
      const sim = dot(vector, tfidfVector(terms, corpus.idf));
      if (sim > best.sim) best = { field, start: s.start, end: s.end, sim };
    }
  }
  return { field: best.field, start: best.start, end: best.end };
}

/** Verified supports of a model sentence: the articles it cites first, then any other. */
function modelSupports(features: TextFeatures, cited: readonly string[], ctx: Context): Support[] {
  const all = supportingMembers(features, ctx.corpus, {
    ...ctx.options,
    maxCitations: ctx.corpus.members.length,
  });
  const citedFirst = [...all].sort((a, b) => {
    const ca = cited.includes(ctx.corpus.members[a.member]?.id ?? '') ? 0 : 1;
    const cb = cited.includes(ctx.corpus.members[b.member]?.id ?? '') ? 0 : 1;
    return ca - cb || b.score - a.score || a.member - b.member;
  });
  return citedFirst.slice(0, ctx.options.maxCitations);
}

/** The spare extractive sentence most similar to an unsupported model sentence, if any. */
function takeReplacement(vector: SparseVector, ctx: Context): Candidate | undefined {
  let best: { index: number; sim: number } = { index: -1, sim: MIN_REPLACEMENT_SIMILARITY };
  ctx.spares.forEach((c, index) => {
    const sim = dot(vector, c.vector);
    if (sim >= best.sim) best = best.index === -1 || sim > best.sim ? { index, sim } : best;
  });
  return best.index >= 0 ? ctx.spares.splice(best.index, 1)[0] : undefined;
}

/** A verified model sentence, an extractive replacement, or `undefined` (dropped). */
function verifySentence(
  text: string,
  cited: readonly string[],
  ctx: Context,
): SummarySentence | undefined {
  const features = featuresOf(text);
  const vector = tfidfVector(features.terms, ctx.corpus.idf);
  const supports =
    isReaderQuestion(text) || isBoilerplate(text) ? [] : modelSupports(features, cited, ctx);
  const top = supports[0];
  if (!top) {
    ctx.replaced += 1;
    const replacement = takeReplacement(vector, ctx);
    return replacement
      ? citeCandidate(replacement, ctx.corpus, ctx.numbering, ctx.options)
      : undefined;
  }
  const article = ctx.corpus.members[top.member] as Article;
  const { support, citations } = numberedSupport(supports, ctx.corpus, ctx.numbering);
  return {
    text,
    citations,
    provenance: {
      articleId: article.id,
      ...groundingSpan(article, vector, ctx.corpus),
      support,
      method: 'model',
    },
  };
}

/** The draft's sections with every sentence verified; sections left empty are dropped. */
function verifiedSections(draft: ModelSummaryDraft, ctx: Context): StorySummary['sections'] {
  return draft.sections.flatMap((section) => {
    const sentences = section.sentences
      .slice(0, ctx.options.maxSentencesPerSection)
      .flatMap((s) => verifySentence(s.text.trim(), s.citations, ctx) ?? []);
    return sentences.length > 0 ? [{ heading: section.heading.trim(), sentences }] : [];
  });
}

/**
 * The model's headline, cleaned, unless it is a question, empty, or not supported by the story's
 * articles taken together (a headline sums up several); then the extractive headline.
 */
function verifiedHeadline(draftHeadline: string, corpus: Corpus, options: ResolvedOptions): string {
  const names = corpus.members.map((a) => a.outletName ?? '').filter((n) => n !== '');
  const headline = titleCase(cleanTitle(draftHeadline, names).replace(/[.]$/u, ''));
  const all = {
    terms: new Map(corpus.docs.flatMap((d) => [...d.terms])),
    bigrams: new Set<string>(),
    numbers: new Set(corpus.docs.flatMap((d) => [...d.numbers])),
    quantities: new Set(corpus.docs.flatMap((d) => [...d.quantities])),
    claims: new Set<string>(),
    entities: new Set<string>(),
  };
  const supported = supportScore(featuresOf(headline), all) >= options.minSupport;
  const broken = headlineProblems(headline, names).length > 0;
  if (headline === '' || broken || !supported) {
    return chooseHeadline(corpus, options.maxHeadlineLength).headline;
  }
  return headline;
}

/** Calls the summariser and validates its draft. */
async function draftOf(
  story: Story,
  corpus: Corpus,
  summarizer: Summarizer,
  maxSentences: number,
): Promise<ModelSummaryDraft> {
  let raw: unknown;
  try {
    raw = await summarizer.summarize({ story, articles: corpus.members, maxSentences });
  } catch (error) {
    throw NewsloomError.from(error, 'INTERNAL', `summarizer "${summarizer.name}" failed`);
  }
  const parsed = ModelSummaryDraftSchema.safeParse(raw);
  if (!parsed.success) {
    throw new NewsloomError(
      'MODEL_OUTPUT_INVALID',
      `summarizer "${summarizer.name}" returned an invalid draft; return { headline, sections: [{ heading, sentences: [{ text, citations }] }] }:\n${describeZodIssues(parsed.error)}`,
      { details: { summarizer: summarizer.name } },
    );
  }
  return parsed.data;
}

/**
 * Summarises a story with a model: the `summarizer` (your function around your model) writes a
 * draft, which is validated with zod and verified sentence by sentence against the articles.
 * A sentence no article supports is replaced by the most similar extractive sentence, or dropped;
 * `replacedSentences` counts them. Citations are recomputed from verified support (the articles
 * the model cited first). A question, empty or unsupported headline falls back to the extractive
 * one; when no
 * model sentence survives, the extractive summary is returned (with the summariser's `name` as
 * `method` and the count of replaced sentences).
 *
 * @throws {NewsloomError} `MODEL_OUTPUT_INVALID` when the draft fails validation; `INVALID_INPUT`
 * when none of the story's articles is in `articles`; `INTERNAL` wrapping a summariser's throw.
 * @example
 * ```ts
 * const summarizer = { name: 'my-llm', summarize: async (input) => callMyModel(input) };
 * const summary = await summarizeWithModel(story, articles, summarizer);
 * summary.replacedSentences; // 0 when every model sentence was supported
 * ```
 */
export async function summarizeWithModel(
  story: Story,
  articles: readonly Article[],
  summarizer: Summarizer,
  options: SummarizeOptions = {},
): Promise<StorySummary> {
  const resolved = resolveOptions(options);
  const corpus = buildCorpus(story, articles, resolved);
  const maxSentences = resolved.maxSections * resolved.maxSentencesPerSection;
  const draft = await draftOf(story, corpus, summarizer, maxSentences);
  const spares = selectSentences(
    corpus,
    { ...resolved, maxWords: Number.POSITIVE_INFINITY },
    maxSentences,
  );
  const ctx: Context = {
    corpus,
    options: resolved,
    numbering: new SourceNumbering(corpus),
    spares: spares.map((s) => s.candidate),
    replaced: 0,
  };
  const sections = verifiedSections(
    { ...draft, sections: draft.sections.slice(0, resolved.maxSections) },
    ctx,
  );
  const headline = verifiedHeadline(draft.headline, corpus, resolved);
  if (sections.length === 0) {
    // Nothing the model wrote survived verification: the reader gets the extractive summary.
    const fallback = summarizeCorpus(story, corpus, resolved);
    return { ...fallback, headline, method: summarizer.name, replacedSentences: ctx.replaced };
  }
  return assembleSummary(
    story,
    corpus,
    { headline, sections, method: summarizer.name, replacedSentences: ctx.replaced },
    { numbering: ctx.numbering, options: resolved },
  );
}
