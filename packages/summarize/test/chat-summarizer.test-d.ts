// Type tests of the public chat adapter, checked by `pnpm typecheck` (tsc reads test/).
import type { ModelSummaryDraft, Summarizer, SummarizerInput } from '@newsloom/core';
import { expectTypeOf } from 'vitest';
import {
  type ChatSummarizer,
  type ChatSummarizerOptions,
  type ChatSummarizerOptionsSchema,
  type ChatUsageReport,
  createChatSummarizer,
} from '../src/index';

expectTypeOf(createChatSummarizer).parameter(0).toEqualTypeOf<ChatSummarizerOptions>();
expectTypeOf(createChatSummarizer).returns.toEqualTypeOf<ChatSummarizer>();
expectTypeOf<ChatSummarizer>().toExtend<Summarizer>();
expectTypeOf<ChatSummarizer['summarize']>().parameter(0).toEqualTypeOf<SummarizerInput>();
expectTypeOf<ReturnType<ChatSummarizer['summarize']>>().toEqualTypeOf<Promise<ModelSummaryDraft>>();
expectTypeOf<ReturnType<ChatSummarizer['usage']>>().toEqualTypeOf<ChatUsageReport>();
// Only baseUrl and model are required; the rest have defaults.
expectTypeOf<{ baseUrl: string; model: string }>().toExtend<ChatSummarizerOptions>();
expectTypeOf<{ baseUrl: string }>().not.toExtend<ChatSummarizerOptions>();
// The config schema's output has every default filled in.
expectTypeOf<
  ReturnType<typeof ChatSummarizerOptionsSchema.parse>['concurrency']
>().toEqualTypeOf<number>();
expectTypeOf<ReturnType<typeof ChatSummarizerOptionsSchema.parse>['apiKey']>().toEqualTypeOf<
  string | undefined
>();
