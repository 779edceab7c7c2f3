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
});
/** A story summary. */
export type StorySummary = z.infer<typeof StorySummarySchema>;
/** What {@link StorySummarySchema} accepts. */
export type StorySummaryInput = z.input<typeof StorySummarySchema>;
