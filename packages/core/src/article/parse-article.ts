import { z } from 'zod';
import { NewsloomError } from '../errors/newsloom-error';
import { describeZodIssues } from '../errors/zod-issues';
import { stableHash } from '../ids/hash';
import { articleIdFromUrl, outletIdFromName, outletIdFromUrl } from '../ids/ids';
import { type Article, ArticleSchema } from '../model/article';
import { canonicalizeUrl } from '../url/canonicalize-url';
import { toIsoUtc } from './iso-date';

const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined);
const optionalTime = z.unknown().optional();

// The interchange form researchers and datasets have (see the README): lenient where it can be,
// strict on what every later stage needs (a URL, a title, a publication time).
const ArticleSourceSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).optional(),
  url: z.string().trim().min(1, 'is required: the article URL'),
  canonicalUrl: optionalText,
  outlet: optionalText,
  outletName: optionalText,
  outletId: optionalText,
  feedId: optionalText,
  title: z.string().trim().min(1, 'is required and must not be empty'),
  summary: optionalText,
  text: optionalText,
  authors: z.array(z.string()).nullish(),
  publishedAt: z.unknown(),
  updatedAt: optionalTime,
  fetchedAt: optionalTime,
  language: optionalText,
  categories: z.array(z.string()).nullish(),
  links: z.array(z.string()).nullish(),
  imageUrl: optionalText,
  contentHash: optionalText,
  meta: z.record(z.string(), z.unknown()).nullish(),
});

const KNOWN_KEYS = new Set(Object.keys(ArticleSourceSchema.shape));

/** Result of {@link safeParseArticle}. */
export type SafeParseArticleResult =
  | { success: true; data: Article }
  | { success: false; error: NewsloomError };

/**
 * Parses an article in the interchange form (`url`, `title`, `publishedAt` required; `outlet`
 * display name or `outletId` or neither — then the URL's registrable domain; `id` kept when
 * given, else derived from the canonical URL) into an {@link Article}. Unknown keys are kept in
 * `meta`, so nothing is lost.
 *
 * @example
 * const article = parseArticle({ url: 'https://apnews.com/x', outlet: 'Associated Press',
 *   title: 'Biden opens climate summit', publishedAt: '2021-04-22T14:00:00Z' })
 * article.outletId // 'associated-press'
 * @throws {NewsloomError} `INVALID_ARTICLE`, naming the field and what was wrong.
 */
export function parseArticle(input: unknown): Article {
  const source = ArticleSourceSchema.safeParse(input);
  if (!source.success) {
    throw invalid(`${describeZodIssues(source.error)}`, input, source.error);
  }
  const s = source.data;
  const canonicalUrl = canonicalizeOrThrow(s.canonicalUrl ?? s.url, input);
  const publishedAt = requireTime(s.publishedAt, 'publishedAt', input);
  const outletName = s.outlet ?? s.outletName;
  const candidate = {
    id: s.id === undefined ? articleIdFromUrl(canonicalUrl) : String(s.id),
    url: s.url,
    canonicalUrl,
    outletId: s.outletId ?? (outletName ? outletIdFromName(outletName) : outletIdFromUrl(s.url)),
    outletName,
    feedId: s.feedId,
    title: s.title,
    summary: s.summary,
    text: s.text,
    authors: s.authors ?? [],
    publishedAt,
    updatedAt: optionalTimeOrThrow(s.updatedAt, 'updatedAt', input),
    fetchedAt: optionalTimeOrThrow(s.fetchedAt, 'fetchedAt', input),
    language: s.language,
    categories: s.categories ?? [],
    links: s.links ?? [],
    imageUrl: s.imageUrl,
    contentHash: s.contentHash ?? contentHashOf(s.title, s.summary, s.text),
    meta: { ...extraKeys(input), ...(s.meta ?? {}) },
  };
  const article = ArticleSchema.safeParse(dropUndefined(candidate));
  if (!article.success) throw invalid(describeZodIssues(article.error), input, article.error);
  return article.data;
}

/**
 * Like {@link parseArticle}, but returns `{ success, data | error }` instead of throwing.
 * @example
 * const result = safeParseArticle(row); if (!result.success) console.warn(result.error.message)
 */
export function safeParseArticle(input: unknown): SafeParseArticleResult {
  try {
    return { success: true, data: parseArticle(input) };
  } catch (error) {
    return { success: false, error: NewsloomError.from(error, 'INVALID_ARTICLE') };
  }
}

/** Hash of an article's visible content, for change detection. */
export function contentHashOf(title: string, summary?: string, text?: string): string {
  return stableHash(title, summary ?? '', text ?? '');
}

function canonicalizeOrThrow(url: string, input: unknown): string {
  try {
    return canonicalizeUrl(url);
  } catch (cause) {
    throw invalid(`url: "${url}" is not an absolute URL`, input, cause);
  }
}

function requireTime(value: unknown, field: string, input: unknown): string {
  const iso = toIsoUtc(value);
  if (iso === undefined) {
    const shown = value === undefined ? 'missing' : JSON.stringify(value);
    throw invalid(
      `${field}: must be an ISO 8601 date-time such as 2021-04-22T14:00:00Z (got ${shown})`,
      input,
    );
  }
  return iso;
}

function optionalTimeOrThrow(value: unknown, field: string, input: unknown): string | undefined {
  return value === undefined || value === null || value === ''
    ? undefined
    : requireTime(value, field, input);
}

function invalid(problem: string, input: unknown, cause?: unknown): NewsloomError {
  const id = typeof input === 'object' && input && 'id' in input ? ` ${String(input.id)}` : '';
  return new NewsloomError('INVALID_ARTICLE', `Invalid article${id}: ${problem}`, {
    cause,
    details: { field: problem.split(':')[0] },
  });
}

function extraKeys(input: unknown): Record<string, unknown> {
  if (typeof input !== 'object' || input === null) return {};
  return Object.fromEntries(Object.entries(input).filter(([key]) => !KNOWN_KEYS.has(key)));
}

function dropUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
