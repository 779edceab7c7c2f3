import { type Article, NewsloomError, type Story } from '@newsloom/core';
import { normalize, type Sentence, type SparseVector, splitSentences } from '@newsloom/text';
import { featuresOf, inverseDocumentFrequencies, type TextFeatures, tfidfVector } from './features';
import {
  hasUnbalancedQuotes,
  needsAntecedent,
  rejectReason,
  splitWordCount,
  stripDateline,
} from './hygiene';
import type { ResolvedOptions } from './options';

/** A sentence that may be extracted, with where it came from. */
export interface Candidate {
  /** Index into {@link Corpus.members}. */
  member: number;
  field: 'title' | 'summary' | 'text';
  start: number;
  end: number;
  text: string;
  /** 0-based position among the article's sentences. */
  position: number;
  /** Opens with a pronoun or connective: only usable right after sentence `position − 1`. */
  dependent: boolean;
  words: number;
  features: TextFeatures;
  vector: SparseVector;
}

/** A story's articles prepared for extraction and support checks. */
export interface Corpus {
  /** The story's articles found in the input, in story order. */
  members: Article[];
  /** For each member, the member index that stands for its syndication group. */
  representative: number[];
  /** Features of each member's whole text (title, summary and full text). */
  docs: TextFeatures[];
  idf: Map<string, number>;
  /** Concept (content term or bigram) → how many syndication groups mention it. */
  conceptGroups: Map<string, number>;
  /** Normalised centroid of the representatives' TF-IDF vectors. */
  centroid: SparseVector;
  candidates: Candidate[];
}

/** The story's articles, in story order; throws when none of them was passed in. */
function storyMembers(story: Story, articles: readonly Article[]): Article[] {
  const byId = new Map(articles.map((a) => [a.id, a] as const));
  const members = story.articleIds.flatMap((id) => {
    const article = byId.get(id);
    return article ? [article] : [];
  });
  if (members.length === 0) {
    throw new NewsloomError(
      'INVALID_INPUT',
      `summarizeStory: none of story ${story.id}'s articles was passed in`,
      {
        details: { storyId: story.id },
      },
    );
  }
  return members;
}

/** Maps each member to the first member of its duplicate group (itself when not syndicated). */
function representatives(story: Story, members: readonly Article[]): number[] {
  const index = new Map(members.map((a, i) => [a.id, i] as const));
  const rep = members.map((_, i) => i);
  for (const group of story.duplicateGroups) {
    const present = group
      .flatMap((id) => (index.has(id) ? [index.get(id) ?? 0] : []))
      .sort((a, b) => a - b);
    for (const i of present) rep[i] = present[0] ?? i;
  }
  return rep;
}

/** Generous length of a news sentence, to bound how much of a long body is split. */
const CHARS_PER_SENTENCE = 400;
/** Sentences considered in all (split evenly over articles, 2–12 each): bounds time on big stories. */
const MAX_CANDIDATES = 300;

/** An article's title, summary and full text, as one text. */
export function wholeText(article: Article): string {
  return [article.title, article.summary ?? '', article.text ?? ''].join('\n\n');
}

/**
 * Joins up to three sentences a multi-sentence quotation was split into ("… no remote. It's for
 * the people," Biden said.), so a quotation is extracted whole or not at all.
 */
function joinSplitQuotes(sentences: readonly Sentence[], body: string): Sentence[] {
  const out: Sentence[] = [];
  for (let i = 0; i < sentences.length; i += 1) {
    const first = sentences[i] as Sentence;
    let joined = first;
    for (
      let j = i + 1;
      hasUnbalancedQuotes(joined.text) && j < Math.min(sentences.length, i + 3);
      j += 1
    ) {
      const end = (sentences[j] as Sentence).end;
      joined = { text: body.slice(first.start, end), start: first.start, end };
      if (!hasUnbalancedQuotes(joined.text)) i = j;
    }
    out.push(hasUnbalancedQuotes(joined.text) ? first : joined);
  }
  return out;
}

/** Full text shorter than this many characters is a teaser or a stub. */
const SHORT_TEXT = 300;

/**
 * Which field to extract from: the full text, unless it is missing or short and the feed item's
 * summary says more (a stub page whose feed summary holds the news).
 */
function bodyField(article: Article): 'text' | 'summary' {
  const text = article.text ?? '';
  const summary = article.summary ?? '';
  if (text === '') return 'summary';
  return text.length < SHORT_TEXT && summary.length > text.length ? 'summary' : 'text';
}

/**
 * Extractable sentences of one article's body (full text when present, else its snippet), each
 * with its TF-IDF vector over the story's `idf` (set here, not copied onto each afterwards).
 */
function articleCandidates(
  article: Article,
  member: number,
  limit: number,
  idf: ReadonlyMap<string, number>,
): Candidate[] {
  const field = bodyField(article);
  const body = article[field] ?? '';
  // Only the opening is needed: split a prefix and drop its last, possibly cut, sentence.
  const cut = limit * CHARS_PER_SENTENCE;
  const sentences = splitSentences(body.length > cut ? body.slice(0, cut) : body);
  if (body.length > cut) sentences.pop();
  return joinSplitQuotes(sentences, body)
    .slice(0, limit)
    .flatMap((sentence, position) => {
      const start = sentence.start + stripDateline(sentence.text);
      const text = body.slice(start, sentence.end);
      if (rejectReason(text, { allowDependent: position > 0 }) !== undefined) return [];
      const dependent = needsAntecedent(text);
      const words = splitWordCount(text);
      const features = featuresOf(text);
      const vector = tfidfVector(features.terms, idf);
      return [
        {
          member,
          field,
          start,
          end: sentence.end,
          text,
          position,
          dependent,
          words,
          features,
          vector,
        },
      ];
    });
}

/** Normalised sum of the documents' TF-IDF vectors. */
function centroidOf(docs: readonly TextFeatures[], idf: ReadonlyMap<string, number>): SparseVector {
  const sum = new Map<string, number>();
  for (const doc of docs) {
    for (const [term, w] of tfidfVector(doc.terms, idf)) sum.set(term, (sum.get(term) ?? 0) + w);
  }
  return normalize(sum);
}

/** For each concept (content term or term pair), how many documents mention it. */
function conceptGroupsOf(docs: readonly TextFeatures[]): Map<string, number> {
  const groups = new Map<string, number>();
  for (const doc of docs) {
    for (const k of doc.terms.keys()) groups.set(k, (groups.get(k) ?? 0) + 1);
    for (const k of doc.bigrams) groups.set(k, (groups.get(k) ?? 0) + 1);
  }
  return groups;
}

/**
 * Prepares a story for extraction: its members, syndication groups, features and candidates.
 *
 * @throws {NewsloomError} `INVALID_INPUT` when none of the story's articles is in `articles`.
 */
export function buildCorpus(
  story: Story,
  articles: readonly Article[],
  options: ResolvedOptions,
): Corpus {
  const members = storyMembers(story, articles);
  const representative = representatives(story, members);
  const repIndexes = members.flatMap((_, i) => (representative[i] === i ? [i] : []));
  const perArticle =
    options.sentencesPerArticle ??
    Math.max(2, Math.min(12, Math.floor(MAX_CANDIDATES / repIndexes.length)));
  const stats = repIndexes.length === 1 ? lazyStats(members) : storyStats(members, repIndexes);
  const candidates = repIndexes.flatMap((i) =>
    articleCandidates(members[i] as Article, i, perArticle, stats.idf),
  );
  // Getters, not a spread: a spread would run the lazy getters of a one-group story.
  const { idf, conceptGroups } = stats;
  return {
    members,
    representative,
    candidates,
    idf,
    conceptGroups,
    get docs() {
      return stats.docs;
    },
    get centroid() {
      return stats.centroid;
    },
  };
}

type StoryStats = Pick<Corpus, 'docs' | 'idf' | 'conceptGroups' | 'centroid'>;

/** Whole-text features, IDF, concept spread and centroid over the syndication groups. */
function storyStats(members: readonly Article[], repIndexes: readonly number[]): StoryStats {
  const docs = members.map((a) => featuresOf(wholeText(a), { entities: false }));
  const repDocs = repIndexes.flatMap((i) => docs[i] ?? []);
  const idf = inverseDocumentFrequencies(repDocs.map((d) => d.terms));
  return { docs, idf, conceptGroups: conceptGroupsOf(repDocs), centroid: centroidOf(repDocs, idf) };
}

/**
 * The same for a story of one syndication group, computed only when asked: there every IDF is 1
 * (the default of an absent term) and every concept has one group (the default weight), so the
 * maps stay empty, and the whole-text features and centroid are only read by perspectives and
 * model summaries, not by the extractive summary of a single article.
 */
function lazyStats(members: readonly Article[]): StoryStats {
  let docs: TextFeatures[] | undefined;
  let centroid: SparseVector | undefined;
  const idf = new Map<string, number>();
  return {
    idf,
    conceptGroups: new Map(),
    get docs() {
      docs ??= members.map((a) => featuresOf(wholeText(a), { entities: false }));
      return docs;
    },
    get centroid() {
      docs ??= members.map((a) => featuresOf(wholeText(a), { entities: false }));
      centroid ??= centroidOf(docs.slice(0, 1), idf);
      return centroid;
    },
  };
}
