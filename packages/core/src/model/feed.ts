import { z } from 'zod';
import { IsoDateTimeSchema, MetaSchema } from './common';
import { FeedIdSchema, OutletIdSchema } from './ids';

/** Feed formats newsloom reads. */
export const FeedFormatSchema = z.enum(['rss', 'atom', 'rdf', 'json', 'jsonl']);
/** A feed format. */
export type FeedFormat = z.infer<typeof FeedFormatSchema>;

/** A feed of one outlet, with the state of its polling. */
export const FeedSchema = z.object({
  id: FeedIdSchema,
  /** Where the feed is fetched from: http(s) or file. */
  url: z.string().min(1),
  outletId: OutletIdSchema,
  title: z.string().optional(),
  format: FeedFormatSchema.optional(),
  categories: z.array(z.string()).default([]),
  /**
   * `false` marks a feed that is not news (a podcast, classifieds, a how-to blog): its items
   * never become minority reports or exclusives. Default: news. The OPML category `non-news`
   * marks a feed the same way.
   */
  news: z.boolean().optional(),
  /** ETag of the last 200 response, for conditional GET. */
  etag: z.string().optional(),
  /** Last-Modified of the last 200 response, for conditional GET. */
  lastModified: z.string().optional(),
  lastFetchedAt: IsoDateTimeSchema.optional(),
  nextFetchAt: IsoDateTimeSchema.optional(),
  consecutiveFailures: z.number().int().nonnegative().default(0),
  /** One line describing the last failure, cleared on success. */
  lastError: z.string().optional(),
  /** HTTP status (or 0 for a network failure) of the last fetch. */
  lastStatus: z.number().int().optional(),
  /** Items in the feed at the last successful fetch. */
  lastItemCount: z.number().int().nonnegative().optional(),
  meta: MetaSchema.default({}),
});
/** A feed and its fetch state. */
export type Feed = z.infer<typeof FeedSchema>;
/** What {@link FeedSchema} accepts. */
export type FeedInput = z.input<typeof FeedSchema>;
