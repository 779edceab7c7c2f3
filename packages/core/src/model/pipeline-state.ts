import { z } from 'zod';
import { IsoDateTimeSchema, MetaSchema } from './common';
import { ArticleIdSchema } from './ids';

/**
 * What the pipeline keeps between runs, stored through the `ArticleStore` port in the same
 * transaction as the stories it describes (`commitClusterRun`), so they never disagree.
 *
 * @example
 * const state = PipelineStateSchema.parse({
 *   schemaVersion: 1, revision: 0, watermark: 0, clusterer: null,
 *   updatedAt: '2024-01-01T00:00:00Z', meta: {},
 * })
 */
export const PipelineStateSchema = z.object({
  schemaVersion: z.literal(1),
  /** Incremented by every commit; a commit names the revision it read (optimistic lock). */
  revision: z.number().int().nonnegative(),
  /** The highest ingest sequence the clusterer has consumed. */
  watermark: z.number().int().nonnegative(),
  /** The cluster package's JSON snapshot (it validates it itself). */
  clusterer: z.unknown(),
  updatedAt: IsoDateTimeSchema,
  meta: MetaSchema.default({}),
});
/** The pipeline's persisted state. */
export type PipelineState = z.infer<typeof PipelineStateSchema>;
/** A pipeline state as written (defaults optional). */
export type PipelineStateInput = z.input<typeof PipelineStateSchema>;

/** Why the clusterer could not place an article. */
export const QuarantineReasonSchema = z.enum(['too-late', 'future', 'before-epoch', 'invalid']);
/** A quarantine reason. */
export type QuarantineReason = z.infer<typeof QuarantineReasonSchema>;

/**
 * An article the clusterer could not place: kept in the store and listed, never lost.
 * @example
 * const entry = QuarantineEntrySchema.parse({
 *   articleId: 'a1b2', reason: 'future', detail: 'published 2999-06-01, 973 years after the run',
 *   at: '2024-01-01T00:00:00Z',
 * })
 */
export const QuarantineEntrySchema = z.object({
  articleId: ArticleIdSchema,
  reason: QuarantineReasonSchema,
  /** What was wrong, in words (the date, the window). */
  detail: z.string(),
  /** When it was quarantined (the run's clock). */
  at: IsoDateTimeSchema,
});
/** A quarantined article. */
export type QuarantineEntry = z.infer<typeof QuarantineEntrySchema>;
