import { z } from 'zod';
import { ArticleSchema } from './article';
import { IsoDateTimeSchema } from './common';
import { CoverageReportSchema } from './coverage-report';
import { DiagnosticSchema } from './diagnostic';
import { FeedSchema } from './feed';
import { OutletSchema } from './outlet';
import { StorySchema } from './story';
import { StorySummarySchema } from './story-summary';

/** Which stories an edition holds: those updated in `[since, until]`, or every story (`all`). */
export const EditionWindowSchema = z.object({
  since: IsoDateTimeSchema.optional(),
  until: IsoDateTimeSchema.optional(),
  /** Window length in hours, when the window was given as a length. */
  hours: z.number().positive().optional(),
  /** True when the edition holds every story. */
  all: z.boolean().default(false),
});
/** The window of an edition. */
export type EditionWindow = z.infer<typeof EditionWindowSchema>;

/** Everything one pipeline run produced: what a digest renders. */
export const EditionSchema = z.object({
  generatedAt: IsoDateTimeSchema,
  title: z.string().default('newsloom'),
  outlets: z.array(OutletSchema),
  feeds: z.array(FeedSchema),
  articles: z.array(ArticleSchema),
  stories: z.array(StorySchema),
  summaries: z.array(StorySummarySchema),
  coverage: CoverageReportSchema,
  diagnostics: z.array(DiagnosticSchema).default([]),
  /** The stories' window (absent: every story given). */
  window: EditionWindowSchema.optional(),
});
/** One run's output. */
export type Edition = z.infer<typeof EditionSchema>;
/** What {@link EditionSchema} accepts. */
export type EditionInput = z.input<typeof EditionSchema>;
