import { z } from 'zod';
import { IsoDateTimeSchema } from './common';
import { ArticleIdSchema, OutletIdSchema, StoryIdSchema } from './ids';

/** How strongly one cited source supports a sentence. */
export const CitationSchema = z.object({
  /** 1-based number into the summary's `sources`. */
  n: z.number().int().positive(),
  articleId: ArticleIdSchema,
  /** Support score in [0, 1]. */
  score: z.number().min(0).max(1),
});
/** A citation with its support score. */
export type Citation = z.infer<typeof CitationSchema>;

/** Where a summary sentence came from. */
export const ProvenanceSchema = z.object({
  /** The article the sentence was taken from (or, for model text, best supports it). */
  articleId: ArticleIdSchema,
  field: z.enum(['title', 'summary', 'text']),
  /** Character span `[start, end)` in that field. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Support of every cited source. */
  support: z.array(CitationSchema),
  /** `extractive` sentences are source text; `model` sentences were written by a Summarizer. */
  method: z.enum(['extractive', 'model']).default('extractive'),
});
/** Provenance of a summary sentence. */
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** One sentence of a summary paragraph. */
export const SummarySentenceSchema = z.object({
  text: z.string().min(1),
  /** 1-based numbers into `sources`: every article that supports the sentence. */
  citations: z.array(z.number().int().positive()).min(1),
  provenance: ProvenanceSchema,
  /** True when the sentence comes from an article added since the previous summary. */
  isNew: z.boolean().optional(),
});
/** A cited summary sentence. */
export type SummarySentence = z.infer<typeof SummarySentenceSchema>;

/** A titled paragraph. */
export const SummarySectionSchema = z.object({
  heading: z.string().min(1),
  sentences: z.array(SummarySentenceSchema).min(1),
});
/** A titled summary paragraph. */
export type SummarySection = z.infer<typeof SummarySectionSchema>;

/** A numbered source of a summary. */
export const SummarySourceSchema = z.object({
  n: z.number().int().positive(),
  articleId: ArticleIdSchema,
  outletId: OutletIdSchema,
  outletName: z.string().optional(),
  title: z.string(),
  url: z.string(),
  publishedAt: IsoDateTimeSchema.optional(),
});
/** A numbered source. */
export type SummarySource = z.infer<typeof SummarySourceSchema>;

/** A link from articles to a non-news resource ("External resources"). */
export const ExternalResourceSchema = z.object({
  url: z.string(),
  title: z.string().optional(),
  domain: z.string(),
  outletIds: z.array(OutletIdSchema),
  articleIds: z.array(ArticleIdSchema),
});
/** An external resource. */
export type ExternalResource = z.infer<typeof ExternalResourceSchema>;

/** One group of outlets sharing an attribute value (`lean: left`) and how it covered the story. */
export const PerspectiveGroupSchema = z.object({
  /** The attribute value, e.g. `left`. */
  value: z.string(),
  /** The group's outlets that covered the story. */
  outletIds: z.array(OutletIdSchema),
  /** The group's articles in the story. */
  articleCount: z.number().int().nonnegative(),
  /** The group's most representative sentence, cited like any summary sentence. */
  sentence: SummarySentenceSchema.optional(),
});
/** A perspective group. */
export type PerspectiveGroup = z.infer<typeof PerspectiveGroupSchema>;

/** "How outlets covered it" for one outlet attribute (lean, country, ownership…). */
export const PerspectiveSchema = z.object({
  /** The attribute name, e.g. `lean`. */
  attribute: z.string().min(1),
  /** Groups with coverage, most articles first. */
  groups: z.array(PerspectiveGroupSchema),
  /** Values of the attribute (among the outlets known) with no article in the story: the blindspot. */
  missing: z.array(z.string()).default([]),
});
/** The perspectives of one attribute. */
export type Perspective = z.infer<typeof PerspectiveSchema>;

/** What changed since the previous summary of the story. */
export const WhatIsNewSchema = z.object({
  /** When the previous summary's story was last updated. */
  since: IsoDateTimeSchema,
  /** Articles in the story then. */
  previousArticleCount: z.number().int().nonnegative(),
  /** Articles added since ("N new articles since <time>"). */
  newArticleIds: z.array(ArticleIdSchema),
});
/** What is new in a story. */
export type WhatIsNew = z.infer<typeof WhatIsNewSchema>;

/** A story's summary: headline, cited sections and sources. */
export const StorySummarySchema = z.object({
  storyId: StoryIdSchema,
  headline: z.string().min(1),
  /** Articles in the story ("Updated (N articles)"). */
  articleCount: z.number().int().nonnegative(),
  updatedAt: IsoDateTimeSchema,
  sections: z.array(SummarySectionSchema),
  sources: z.array(SummarySourceSchema),
  externalResources: z.array(ExternalResourceSchema).default([]),
  /** Which summariser produced it, e.g. `extractive` or a model name. */
  method: z.string().default('extractive'),
  /** Model sentences dropped or replaced because no source supported them. */
  replacedSentences: z.number().int().nonnegative().default(0),
  /** The story's article ids the summary was made from (lets the next version tell what is new). */
  articleIds: z.array(ArticleIdSchema).default([]),
  /** "How outlets covered it", one entry per outlet attribute (empty without outlet attributes). */
  perspectives: z.array(PerspectiveSchema).default([]),
  /** What changed since the previous summary; absent on a first summary. */
  whatIsNew: WhatIsNewSchema.optional(),
});
/** A story summary. */
export type StorySummary = z.infer<typeof StorySummarySchema>;
/** What {@link StorySummarySchema} accepts. */
export type StorySummaryInput = z.input<typeof StorySummarySchema>;
