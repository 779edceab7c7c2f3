import { ArticleIdSchema, StoryEventSchema, StoryIdSchema } from '@newsloom/core';
import { z } from 'zod';

/**
 * Who belongs to a story now and how it came to be: its members (sorted), every id that
 * resolves to it through merges (sorted), and its merge/split history (times normalised to
 * `YYYY-MM-DDTHH:mm:ss.sssZ`), oldest first.
 * @example
 * const membership = await store.getStoryMembership(storyId)
 * membership?.history.filter((event) => event.type === 'merged')
 */
export const StoryMembershipSchema = z.object({
  storyId: StoryIdSchema,
  articleIds: z.array(ArticleIdSchema),
  aliases: z.array(StoryIdSchema),
  history: z.array(StoryEventSchema),
});
/**
 * A story's membership and history.
 * @example const { articleIds, aliases } = (await store.getStoryMembership(storyId)) ?? { articleIds: [], aliases: [] }
 */
export type StoryMembership = z.infer<typeof StoryMembershipSchema>;
