import { IsoDateTimeSchema, MetaSchema } from '@newsloom/core';
import { z } from 'zod';

/**
 * Metadata of one pipeline run: the edition it produced, when, and how much went in. Saved by
 * `saveRun`, listed by `listRuns`.
 * @example
 * await store.saveRun(RunSchema.parse({ id: 'run-1', startedAt: '2024-01-01T06:00:00Z', counts: { articles: 120 } }))
 */
export const RunSchema = z.object({
  id: z.string().min(1),
  startedAt: IsoDateTimeSchema,
  finishedAt: IsoDateTimeSchema.optional(),
  status: z.enum(['running', 'ok', 'failed']).default('ok'),
  /** Edition title. */
  title: z.string().optional(),
  /** Named counts: articles, stories, feeds, diagnostics… */
  counts: z.record(z.string(), z.number()).default({}),
  meta: MetaSchema.default({}),
});
/**
 * A pipeline run (edition metadata).
 * @example const runs: Run[] = await store.listRuns({ limit: 10 })
 */
export type Run = z.infer<typeof RunSchema>;
/**
 * What {@link RunSchema} accepts (`status`, `counts`, `meta` may be omitted).
 * @example const run: RunInput = { id: 'run-1', startedAt: '2024-01-01T06:00:00Z' }
 */
export type RunInput = z.input<typeof RunSchema>;
