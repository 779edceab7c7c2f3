import { z } from 'zod';

// Branded ids: an ArticleId can't be passed where a StoryId is expected, yet all are plain
// strings on the wire. Ids are derived deterministically (see `ids/`), never random.

/** Id of an {@link Outlet}: a slug of its name or domain, e.g. `associated-press`. */
export const OutletIdSchema = z.string().min(1).brand<'OutletId'>();
/** Id of an outlet. */
export type OutletId = z.infer<typeof OutletIdSchema>;

/** Id of a {@link Feed}, derived from its canonical URL. */
export const FeedIdSchema = z.string().min(1).brand<'FeedId'>();
/** Id of a feed. */
export type FeedId = z.infer<typeof FeedIdSchema>;

/** Id of an {@link Article}: given by the source, or derived from its canonical URL. */
export const ArticleIdSchema = z.string().min(1).brand<'ArticleId'>();
/** Id of an article. */
export type ArticleId = z.infer<typeof ArticleIdSchema>;

/** Id of a {@link Story}. Never changes meaning: a merge keeps the older id. */
export const StoryIdSchema = z.string().min(1).brand<'StoryId'>();
/** Id of a story. */
export type StoryId = z.infer<typeof StoryIdSchema>;
