import { describeZodIssues, NewsloomError } from '@newsloom/core';
import {
  type ChatSummarizerOptions,
  ChatSummarizerOptionsSchema,
  type ResolvedChatOptions,
} from './options';

/** Validates chat options; a bad one is a `CONFIG_ERROR` naming the field. */
export function parseOptions(options: ChatSummarizerOptions): ResolvedChatOptions {
  const parsed = ChatSummarizerOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  throw new NewsloomError(
    'CONFIG_ERROR',
    `createChatSummarizer: invalid options: ${describeZodIssues(parsed.error)}. See ChatSummarizerOptionsSchema.`,
    { cause: parsed.error },
  );
}
