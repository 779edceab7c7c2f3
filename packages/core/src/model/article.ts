import { z } from 'zod';
import { HttpUrlSchema, IsoDateTimeSchema, MetaSchema } from './common';
import { ArticleIdSchema, FeedIdSchema, OutletIdSchema } from './ids';

/** One news article, as every stage after ingestion sees it. */
export const ArticleSchema = z.object({
  id: ArticleIdSchema,
  /** The URL as found in the feed or dataset. */
  url: z.string().min(1),
  /** {@link canonicalizeUrl} of `url`: the identity used for deduplication. */
  canonicalUrl: z.string().min(1),
  outletId: OutletIdSchema,
  /** The outlet's display name, when known at ingestion. */
  outletName: z.string().optional(),
  feedId: FeedIdSchema.optional(),
  title: z.string(),
  /** A snippet or lead, plain text. */
  summary: z.string().optional(),
  /** Full text, plain text. */
  text: z.string().optional(),
  authors: z.array(z.string()).default([]),
  publishedAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema.optional(),
  fetchedAt: IsoDateTimeSchema.optional(),
  /** BCP 47 language tag. */
  language: z.string().optional(),
  categories: z.array(z.string()).default([]),
  /** Outbound links found in the content (for "External resources"). */
  links: z.array(z.string()).default([]),
  imageUrl: HttpUrlSchema.optional(),
  /** Hash of title + summary + text, for change detection and exact-duplicate removal. */
  contentHash: z.string().optional(),
  meta: MetaSchema.default({}),
});
/** A news article. */
export type Article = z.infer<typeof ArticleSchema>;
/** What {@link ArticleSchema} accepts (defaults may be omitted). */
export type ArticleInput = z.input<typeof ArticleSchema>;
