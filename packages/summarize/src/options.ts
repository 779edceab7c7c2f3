import type { Outlet, StorySummary } from '@newsloom/core';

/** Options of {@link summarizeStory}; every field has a documented default. */
export interface SummarizeOptions {
  /** Most sections (default 5; at least 2 when the story is not tiny). */
  maxSections?: number;
  /** Most sentences in a section (default 4). */
  maxSentencesPerSection?: number;
  /**
   * Word budget of the whole summary. Default: half the distinct source text (syndicated
   * copies once), at least 50 and at most 150 words.
   */
  maxWords?: number;
  /** Most citations on one sentence (default 3); syndicated copies count once. */
  maxCitations?: number;
  /** Support a corroborating article needs to be cited, in [0, 1] (default 0.8). */
  minSupport?: number;
  /** Longest headline in characters (default and most 90). */
  maxHeadlineLength?: number;
  /**
   * Sentences considered from the start of each article. Default: 12, fewer when the story is
   * large (about 300 sentences in all, at least 2 an article), since news puts its facts first.
   */
  sentencesPerArticle?: number;
  /**
   * The story's previous summary: sentences from articles added since are marked `isNew` and
   * `whatIsNew` lists those articles ("N new articles since <time>").
   */
  previous?: StorySummary;
  /**
   * Outlets with attributes (`lean`, `country`…): enables `perspectives` ("How outlets covered
   * it"). Indexed once per list and reused for every story given the same list: pass a new list
   * (not the same one changed in place) when outlets or their attributes change.
   */
  outlets?: readonly Outlet[];
  /** Attributes to group outlets by (default: every attribute name the outlets carry). */
  perspectiveAttributes?: readonly string[];
}

/** {@link SummarizeOptions} with defaults applied. */
export type ResolvedOptions = Required<
  Omit<
    SummarizeOptions,
    'maxWords' | 'sentencesPerArticle' | 'previous' | 'outlets' | 'perspectiveAttributes'
  >
> & {
  maxWords: number | undefined;
  sentencesPerArticle: number | undefined;
  previous: StorySummary | undefined;
  outlets: readonly Outlet[];
  perspectiveAttributes: readonly string[] | undefined;
};

/** Applies defaults to {@link SummarizeOptions}. */
export function resolveOptions(options: SummarizeOptions = {}): ResolvedOptions {
  return {
    maxSections: options.maxSections ?? 5,
    maxSentencesPerSection: options.maxSentencesPerSection ?? 4,
    maxWords: options.maxWords,
    maxCitations: options.maxCitations ?? 3,
    minSupport: options.minSupport ?? 0.8,
    maxHeadlineLength: Math.min(options.maxHeadlineLength ?? 90, 90),
    sentencesPerArticle: options.sentencesPerArticle,
    previous: options.previous,
    outlets: options.outlets ?? [],
    perspectiveAttributes: options.perspectiveAttributes,
  };
}
