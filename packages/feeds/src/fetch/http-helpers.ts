import { NewsloomError } from '@newsloom/core';

/**
 * Reads a response body into bytes, stopping with `INPUT_TOO_LARGE` past `maxBytes` (counted
 * after decompression, so a gzip bomb is cut off early).
 * @example const bytes = await readBody(response, 20 * 1024 * 1024)
 * @throws {NewsloomError} `INPUT_TOO_LARGE` past `maxBytes`.
 */
export async function readBody(
  response: Response,
  maxBytes: number,
  url: string,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  const encoded = response.headers.get('content-encoding');
  if (!encoded && Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(url, maxBytes, declared);
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(url, maxBytes, total);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(url: string, maxBytes: number, size: number): NewsloomError {
  return new NewsloomError(
    'INPUT_TOO_LARGE',
    `The feed at ${url} is larger than ${maxBytes} bytes (at least ${size} after decompression); raise maxBytes if you trust it.`,
    { details: { url, maxBytes, size } },
  );
}

/**
 * Milliseconds a `Retry-After` header asks to wait (seconds or an HTTP date), or `undefined`.
 * @example parseRetryAfter('120', 0) // 120000
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential back-off with full jitter: `base × 2^attempt`, scaled by a random factor in [0.5, 1). */
export function backoffMs(attempt: number, baseMs: number, random: () => number): number {
  return Math.round(baseMs * 2 ** attempt * (0.5 + random() / 2));
}

/** Cache hints of a response, for scheduling the next poll. */
export interface CacheHints {
  /** `Cache-Control: max-age`, in seconds. */
  maxAgeSeconds?: number;
  /** `Expires`, as ISO 8601 UTC. */
  expires?: string;
  /** `Retry-After`, in milliseconds from the response. */
  retryAfterMs?: number;
}

/** Reads Cache-Control max-age, Expires and Retry-After. */
export function cacheHints(headers: Headers, now: number): CacheHints {
  const hints: CacheHints = {};
  const maxAge = /(?:^|,)\s*(?:s-)?max-age\s*=\s*(\d+)/i.exec(headers.get('cache-control') ?? '');
  if (maxAge?.[1]) hints.maxAgeSeconds = Number(maxAge[1]);
  const expires = Date.parse(headers.get('expires') ?? '');
  if (!Number.isNaN(expires)) hints.expires = new Date(expires).toISOString();
  const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
  if (retryAfter !== undefined) hints.retryAfterMs = retryAfter;
  return hints;
}
