import { NewsloomError } from '@newsloom/core';
import type { ResolvedChatOptions } from './options';

/** Tokens a request used, as the server reported them. */
export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
}

/** One chat-completions answer. */
export interface ChatAnswer {
  content: string;
  usage: ChatUsage;
}

/** A failure worth another attempt, with the delay the server asked for (ms), if any. */
class RetryableError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | undefined,
    readonly code: 'FETCH_FAILED' | 'TIMEOUT' | 'MODEL_OUTPUT_INVALID',
  ) {
    super(message);
  }
}

/** Milliseconds a `Retry-After` header (seconds or an HTTP date) asks to wait. */
function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function endpoint(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/u, '')}/chat/completions`;
}

function requestHeaders(options: ResolvedChatOptions): Record<string, string> {
  return {
    'content-type': 'application/json',
    accept: 'application/json',
    ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
    ...options.headers,
  };
}

/** Reads the answer text and token usage out of a chat-completions response body. */
function answerOf(body: unknown): ChatAnswer {
  const b = body as {
    choices?: { message?: { content?: unknown } }[];
    usage?: { prompt_tokens?: number; completion_tokens?: number };
  };
  const content = b.choices?.[0]?.message?.content;
  if (typeof content !== 'string') {
    throw new RetryableError(
      'the response has no choices[0].message.content',
      undefined,
      'MODEL_OUTPUT_INVALID',
    );
  }
  return {
    content,
    usage: {
      promptTokens: b.usage?.prompt_tokens ?? 0,
      completionTokens: b.usage?.completion_tokens ?? 0,
    },
  };
}

/** One attempt: POST, with the timeout covering the whole response body. */
async function attempt(options: ResolvedChatOptions, payload: string): Promise<ChatAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const response = await fetch(endpoint(options.baseUrl), {
      method: 'POST',
      headers: requestHeaders(options),
      body: payload,
      signal: controller.signal,
    });
    const text = await response.text();
    if (response.status === 429 || response.status >= 500) {
      const wait = retryAfterMs(response.headers.get('retry-after'));
      throw new RetryableError(
        `HTTP ${response.status}: ${text.slice(0, 200)}`,
        wait,
        'FETCH_FAILED',
      );
    }
    if (!response.ok) {
      throw new NewsloomError(
        'FETCH_FAILED',
        `chat model: HTTP ${response.status} from ${endpoint(options.baseUrl)}: ${text.slice(0, 300)}. Check baseUrl, model and apiKey.`,
        { details: { status: response.status } },
      );
    }
    return answerOf(JSON.parse(text));
  } catch (error) {
    if (error instanceof NewsloomError || error instanceof RetryableError) throw error;
    if (controller.signal.aborted) {
      throw new RetryableError(
        `no complete answer within ${options.timeoutMs} ms`,
        undefined,
        'TIMEOUT',
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new RetryableError(
      reason,
      undefined,
      error instanceof SyntaxError ? 'MODEL_OUTPUT_INVALID' : 'FETCH_FAILED',
    );
  } finally {
    clearTimeout(timer);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `transform(answer)` on a chat-completions answer, retrying (exponential back-off from
 * `retryDelayMs`, or the server's `Retry-After`, capped at `maxRetryDelayMs`) after a 429, a 5xx,
 * a timeout, a network error, or when `transform` throws (an unreadable answer). `onUsage` sees
 * the tokens of every answer, also of those that are retried.
 *
 * @throws {NewsloomError} `TIMEOUT`, `FETCH_FAILED` or `MODEL_OUTPUT_INVALID` once retries are spent.
 */
export async function requestWithRetries<T>(
  options: ResolvedChatOptions,
  payload: string,
  transform: (answer: ChatAnswer) => T,
  onUsage: (usage: ChatUsage) => void,
): Promise<T> {
  let last: RetryableError | undefined;
  for (let i = 0; i <= options.maxRetries; i += 1) {
    if (last) {
      const backoff = options.retryDelayMs * 2 ** (i - 1);
      await sleep(Math.min(options.maxRetryDelayMs, last.retryAfterMs ?? backoff));
    }
    try {
      const answer = await attempt(options, payload);
      onUsage(answer.usage);
      try {
        return transform(answer);
      } catch (error) {
        const reason = error instanceof Error ? error.message.slice(0, 300) : String(error);
        throw new RetryableError(`unreadable answer: ${reason}`, undefined, 'MODEL_OUTPUT_INVALID');
      }
    } catch (error) {
      if (!(error instanceof RetryableError)) throw error;
      last = error;
    }
  }
  const attempts = options.maxRetries + 1;
  throw new NewsloomError(
    last?.code ?? 'FETCH_FAILED',
    `chat model ${options.model} at ${options.baseUrl}: ${last?.message ?? 'failed'} (after ${attempts} attempts). Check that the server runs and the model is loaded, or raise timeoutMs/maxRetries.`,
    { cause: last, details: { attempts } },
  );
}
