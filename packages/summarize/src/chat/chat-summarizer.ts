import type { Article, ModelSummaryDraft, Summarizer, SummarizerInput } from '@newsloom/core';
import { type ChatAnswer, requestWithRetries } from './client';
import { createLimiter } from './limiter';
import type { ChatSummarizerOptions, ResolvedChatOptions } from './options';
import { parseOptions } from './parse-options';
import { type ChatDraft, chatMessages, parseChatDraft } from './prompt';

/** What a chat summariser has used so far (one run when you make one per run). */
export interface ChatUsageReport {
  /** Answers received (retried ones included). */
  requests: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** A {@link Summarizer} backed by an OpenAI-compatible chat-completions API. */
export interface ChatSummarizer extends Summarizer {
  summarize(input: SummarizerInput): Promise<ModelSummaryDraft>;
  /** Tokens and requests used since it was made. */
  usage(): ChatUsageReport;
}

/** The story's articles in story order, at most `max`. */
function promptArticles(input: SummarizerInput, max: number): Article[] {
  const byId = new Map(input.articles.map((a) => [a.id, a] as const));
  return input.story.articleIds
    .flatMap((id) => {
      const article = byId.get(id);
      return article ? [article] : [];
    })
    .slice(0, max);
}

/** The draft with article numbers turned into article ids (unknown numbers dropped). */
function toModelDraft(draft: ChatDraft, articles: readonly Article[]): ModelSummaryDraft {
  return {
    headline: draft.headline,
    sections: draft.sections.map((section) => ({
      heading: section.heading,
      sentences: section.sentences.map((s) => ({
        text: s.text,
        citations: s.citations.flatMap((n) => {
          const article = articles[n - 1];
          return article ? [article.id] : [];
        }),
      })),
    })),
  };
}

function requestBody(options: ResolvedChatOptions, input: SummarizerInput, articles: Article[]) {
  return JSON.stringify({
    model: options.model,
    messages: chatMessages(articles, options, input.maxSentences),
    temperature: options.temperature,
    stream: false,
    ...(options.jsonMode ? { response_format: { type: 'json_object' } } : {}),
  });
}

/**
 * A summariser for any OpenAI-compatible chat-completions server (OpenAI, Ollama at
 * `http://localhost:11434/v1`, llama.cpp server, vLLM). It asks for the story page's structure
 * (a neutral headline, 2–5 titled paragraphs, every sentence citing `[n]`) as JSON, validates
 * the answer with zod, retries with back-off (honouring `Retry-After`) on 429, 5xx, timeouts,
 * network errors and unreadable JSON, keeps at most `concurrency` requests in flight and counts
 * tokens. Use it through `summarizeWithModel`, which verifies every sentence against the
 * articles and replaces or drops (and counts) the unsupported ones.
 *
 * @throws {NewsloomError} `CONFIG_ERROR` when the options are invalid.
 * @example
 * ```ts
 * const model = createChatSummarizer({ baseUrl: 'http://localhost:11434/v1', model: 'llama3.1:8b' });
 * const summary = await summarizeWithModel(story, articles, model);
 * summary.replacedSentences; // model sentences no article supported
 * model.usage().totalTokens;
 * ```
 */
export function createChatSummarizer(options: ChatSummarizerOptions): ChatSummarizer {
  const resolved = parseOptions(options);
  const limit = createLimiter(resolved.concurrency);
  const used: ChatUsageReport = {
    requests: 0,
    promptTokens: 0,
    completionTokens: 0,
    totalTokens: 0,
  };
  const count = ({ promptTokens, completionTokens }: ChatAnswer['usage']): void => {
    used.requests += 1;
    used.promptTokens += promptTokens;
    used.completionTokens += completionTokens;
    used.totalTokens += promptTokens + completionTokens;
  };
  return {
    name: `chat:${resolved.model}`,
    usage: () => ({ ...used }),
    summarize: (input) =>
      limit(async () => {
        const articles = promptArticles(input, resolved.maxArticles);
        const body = requestBody(resolved, input, articles);
        const draft = await requestWithRetries(
          resolved,
          body,
          (answer) => parseChatDraft(answer.content),
          count,
        );
        return toModelDraft(draft, articles);
      }),
  };
}
