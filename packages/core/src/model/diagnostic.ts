import { z } from 'zod';

/**
 * A recoverable problem: one broken item, one failed feed, one bad JSONL line. Stages report
 * these instead of throwing, so one bad input never sinks a run.
 */
export const DiagnosticSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  /** Stable machine code, e.g. `BAD_DATE`, `JSONL_INVALID_LINE`. */
  code: z.string().min(1),
  /** What was wrong, where, and what to do. */
  message: z.string(),
  /** What it is about: a feed URL, an article id, a file path. */
  subject: z.string().optional(),
  /** Where in the subject: line, column, field. */
  location: z
    .object({
      line: z.number().int().optional(),
      column: z.number().int().optional(),
      offset: z.number().int().optional(),
      field: z.string().optional(),
    })
    .optional(),
  cause: z.unknown().optional(),
});
/** A recoverable problem report. */
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
