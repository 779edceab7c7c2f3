import { z } from 'zod';
import { HttpUrlSchema, IsoDateTimeSchema, MetaSchema } from './common';
import { OutletIdSchema } from './ids';

/**
 * A user-supplied attribute of an outlet (political lean, country, ownership…), with who
 * rated it and when. newsloom never hard-codes ratings: they always come from the user.
 */
export const OutletAttributeSchema = z.object({
  /** Attribute name, e.g. `lean`. */
  name: z.string().min(1),
  /** Attribute value, e.g. `left`. */
  value: z.string(),
  /** Who supplied the rating, e.g. `AllSides`. */
  source: z.string().optional(),
  /** When the rating was made. */
  asOf: z.string().optional(),
});
/** A rated attribute of an outlet. */
export type OutletAttribute = z.infer<typeof OutletAttributeSchema>;

/** A news outlet: one publisher, possibly with several feeds. */
export const OutletSchema = z.object({
  id: OutletIdSchema,
  name: z.string().min(1),
  /** Registrable domain, e.g. `bbc.co.uk`. */
  domain: z.string().optional(),
  homepage: HttpUrlSchema.optional(),
  /** ISO 3166-1 alpha-2 country code. */
  country: z.string().optional(),
  /** BCP 47 language tag. */
  language: z.string().optional(),
  /** Outlet family: outlets sharing a group count once in coverage breadth. */
  group: z.string().optional(),
  attributes: z.array(OutletAttributeSchema).default([]),
  /** `false` marks an outlet that is not news: its stories never become minority reports or exclusives. Default: news. */
  news: z.boolean().optional(),
  /** A section for the digest's front page (e.g. `World`, `Tech`). */
  category: z.string().optional(),
  meta: MetaSchema.default({}),
  updatedAt: IsoDateTimeSchema.optional(),
});
/** A news outlet. */
export type Outlet = z.infer<typeof OutletSchema>;
/** What {@link OutletSchema} accepts (defaults may be omitted). */
export type OutletInput = z.input<typeof OutletSchema>;
