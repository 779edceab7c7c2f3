import { z } from 'zod';
import { IsoDateTimeSchema, MetaSchema } from './common';
import { ArticleIdSchema, StoryIdSchema } from './ids';

/**
 * One entry of a story's history. `merged`: this story absorbed `other` (whose id is now an
 * alias of this one). `split`: this story was split off from `other`. `spawned`: a part of this
 * story was split off as `other`.
 */
export const StoryEventSchema = z.object({
  type: z.enum(['created', 'merged', 'split', 'spawned']),
  at: IsoDateTimeSchema,
  other: StoryIdSchema.optional(),
  /** Articles that moved in the event. */
  articleIds: z.array(ArticleIdSchema).default([]),
});
/** A story history entry. */
export type StoryEvent = z.infer<typeof StoryEventSchema>;

/** A story: the articles about one event. */
export const StorySchema = z.object({
  id: StoryIdSchema,
  articleIds: z.array(ArticleIdSchema).min(1),
  /** Time of the story's first article. */
  createdAt: IsoDateTimeSchema,
  /** Time of the story's latest article. */
  updatedAt: IsoDateTimeSchema,
  /** The storyline this event belongs to ("Stories about this story"). */
  parentId: StoryIdSchema.optional(),
  /** Related stories that are not the same event. */
  relatedIds: z.array(StoryIdSchema).default([]),
  /** Ids of stories merged into this one; they now resolve here. */
  aliases: z.array(StoryIdSchema).default([]),
  /** Near-duplicate groups (syndicated copies), each of two or more member ids. */
  duplicateGroups: z.array(z.array(ArticleIdSchema)).default([]),
  /** Characteristic terms, for labels and debugging. */
  keyTerms: z.array(z.string()).default([]),
  history: z.array(StoryEventSchema).default([]),
  meta: MetaSchema.default({}),
});
/** A story. */
export type Story = z.infer<typeof StorySchema>;
/** What {@link StorySchema} accepts. */
export type StoryInput = z.input<typeof StorySchema>;
