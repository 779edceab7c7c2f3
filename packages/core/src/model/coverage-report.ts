import { z } from 'zod';
import { IsoDateTimeSchema } from './common';
import { ArticleIdSchema, OutletIdSchema, StoryIdSchema } from './ids';

/** Named parts of a score, so every score can be explained. */
export const ScoreComponentsSchema = z.record(z.string(), z.number());

/** One cell of the story × outlet matrix. */
export const CoverageCellSchema = z.object({
  storyId: StoryIdSchema,
  outletId: OutletIdSchema,
  articleIds: z.array(ArticleIdSchema).min(1),
  firstSeen: IsoDateTimeSchema,
  /** True when every article of the cell is a near-duplicate of another outlet's article. */
  syndicated: z.boolean(),
});
/** A coverage matrix cell. */
export type CoverageCell = z.infer<typeof CoverageCellSchema>;

/** A ranked top headline. */
export const TopHeadlineSchema = z.object({
  storyId: StoryIdSchema,
  rank: z.number().int().positive(),
  score: z.number(),
  components: ScoreComponentsSchema,
});
/** A top headline entry. */
export type TopHeadline = z.infer<typeof TopHeadlineSchema>;

/** Share of a story's coverage by one group of an outlet attribute. */
export const GroupShareSchema = z.object({
  attribute: z.string(),
  group: z.string(),
  share: z.number().min(0).max(1),
  outletIds: z.array(OutletIdSchema),
});
/** A group's share of coverage. */
export type GroupShare = z.infer<typeof GroupShareSchema>;

/** A story few outlets (or mostly one group) carry. */
export const MinorityReportSchema = z.object({
  storyId: StoryIdSchema,
  outletIds: z.array(OutletIdSchema),
  breadth: z.number().nonnegative(),
  score: z.number(),
  components: ScoreComponentsSchema.default({}),
  /** Why it is listed: few outlets, or a blindspot of some group. */
  reason: z.enum(['low-breadth', 'blindspot']).default('low-breadth'),
  groups: z.array(GroupShareSchema).optional(),
});
/** A minority report. */
export type MinorityReport = z.infer<typeof MinorityReportSchema>;

/** What one outlet covers alone. */
export const OutletUniquenessSchema = z.object({
  outletId: OutletIdSchema,
  exclusiveStoryIds: z.array(StoryIdSchema),
  storyCount: z.number().int().nonnegative(),
  /** Share of the outlet's stories that only it covered. */
  exclusivity: z.number().min(0).max(1),
  /** Stories this outlet reported first. */
  firstReports: z.number().int().nonnegative(),
  /** Mean minutes ahead of the next outlet when first; null when never first on a shared story. */
  meanLeadMinutes: z.number().nullable(),
});
/** Unique coverage of one outlet. */
export type OutletUniqueness = z.infer<typeof OutletUniquenessSchema>;

/** The coverage analysis of a set of stories. */
export const CoverageReportSchema = z.object({
  window: z.object({ since: IsoDateTimeSchema.optional(), until: IsoDateTimeSchema.optional() }),
  topHeadlines: z.array(TopHeadlineSchema),
  minorityReports: z.array(MinorityReportSchema),
  uniqueByOutlet: z.array(OutletUniquenessSchema),
  matrix: z.array(CoverageCellSchema),
  /** Per-story breadth (outlet families, syndication counted once). */
  breadth: z.record(z.string(), z.number()).default({}),
  /** Reference time the scores were computed at (recency, velocity): given, or the latest article. */
  now: IsoDateTimeSchema.optional(),
});
/** A coverage report. */
export type CoverageReport = z.infer<typeof CoverageReportSchema>;
/** What {@link CoverageReportSchema} accepts. */
export type CoverageReportInput = z.input<typeof CoverageReportSchema>;
