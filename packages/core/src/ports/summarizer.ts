import { z } from 'zod';
import type { Article } from '../model/article';
import type { Story } from '../model/story';

/**
 * What a model-backed summariser returns. It is untrusted: it is validated with this schema and
 * every sentence is verified against the articles it cites before it reaches a reader.
 * `citations` are article ids.
 */
export const ModelSummaryDraftSchema = z.object({
  headline: z.string().min(1),
  sections: z
    .array(
      z.object({
        heading: z.string().min(1),
        sentences: z
          .array(z.object({ text: z.string().min(1), citations: z.array(z.string()).default([]) }))
          .min(1),
      }),
    )
    .min(1),
});
/** A model's summary draft. */
export type ModelSummaryDraft = z.infer<typeof ModelSummaryDraftSchema>;

/** The input a {@link Summarizer} receives. */
export interface SummarizerInput {
  story: Story;
  articles: readonly Article[];
  /** Upper bound on sentences the caller wants. */
  maxSentences: number;
}

/**
 * The summariser port: the user's function that calls their model. newsloom never calls a
 * network by default; output is validated and verified.
 */
export interface Summarizer {
  /** Recorded as the summary's `method`. */
  readonly name: string;
  summarize(input: SummarizerInput): Promise<unknown> | unknown;
}
