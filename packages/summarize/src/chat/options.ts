import { z } from 'zod';

/**
 * Options of {@link createChatSummarizer}, as a zod schema so a config file
 * (`summarizer: { kind: "chat", … }`) can be validated with it.
 *
 * @example
 * ```ts
 * ChatSummarizerOptionsSchema.parse({ baseUrl: 'http://localhost:11434/v1', model: 'llama3.1' });
 * ```
 */
export const ChatSummarizerOptionsSchema = z.object({
  /** Base URL of an OpenAI-compatible API, up to `/v1` (`/chat/completions` is appended). */
  baseUrl: z.url({ protocol: /^https?$/ }),
  /** Model name, e.g. `gpt-4o-mini`, `llama3.1:8b`. */
  model: z.string().min(1),
  /** Sent as `Authorization: Bearer <apiKey>` when given. */
  apiKey: z.string().min(1).optional(),
  /** Extra request headers (an organisation id, a proxy token…). */
  headers: z.record(z.string(), z.string()).default({}),
  /** Time one request may take, in milliseconds (default 60,000). */
  timeoutMs: z.number().int().positive().default(60_000),
  /** Requests in flight at once (default 2). */
  concurrency: z.number().int().min(1).max(64).default(2),
  /** Further attempts after a 429, a 5xx, a timeout, a network error or unreadable JSON (default 3). */
  maxRetries: z.number().int().min(0).max(10).default(3),
  /** First back-off delay in milliseconds, doubled each attempt (default 500). */
  retryDelayMs: z.number().int().min(0).default(500),
  /** Longest wait a `Retry-After` header may ask for, in milliseconds (default 60,000). */
  maxRetryDelayMs: z.number().int().min(0).default(60_000),
  /** Sampling temperature (default 0.2: a summary should not be creative). */
  temperature: z.number().min(0).max(2).default(0.2),
  /** Characters of each article's text put in the prompt (default 1,500). */
  maxArticleChars: z.number().int().min(200).default(1_500),
  /** Articles put in the prompt, in story order (default 12). */
  maxArticles: z.number().int().min(1).default(12),
  /** Ask the server for JSON output (`response_format`); some servers reject it (default true). */
  jsonMode: z.boolean().default(true),
});
/** What {@link ChatSummarizerOptionsSchema} accepts. */
export type ChatSummarizerOptions = z.input<typeof ChatSummarizerOptionsSchema>;
/** {@link ChatSummarizerOptions} with defaults applied. */
export type ResolvedChatOptions = z.infer<typeof ChatSummarizerOptionsSchema>;
