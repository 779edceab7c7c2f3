import { z } from 'zod';
import { ArticleSchema } from './article';
import { IsoDateTimeSchema } from './common';
import { CoverageReportSchema } from './coverage-report';
import { DiagnosticSchema } from './diagnostic';
import { FeedSchema } from './feed';
import { OutletSchema } from './outlet';
import { StorySchema } from './story';
import { StorySummarySchema } from './story-summary';

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
});
/** One run's output. */
export type Edition = z.infer<typeof EditionSchema>;
/** What {@link EditionSchema} accepts. */
export type EditionInput = z.input<typeof EditionSchema>;
