import type { Article } from '@newsloom/core';

/**
 * JSON with object keys sorted and `undefined` dropped, so equal content gives equal text
 * whatever the key order it was built with. Upserts compare records by this text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (isCanonical(value)) return JSON.stringify(value);
  return Array.isArray(value) ? arrayJson(value) : objectJson(value as Record<string, unknown>);
}

// The pipeline state is mostly arrays of numbers and of [term, count] pairs, and records of
// strings (pending summaries, thousands of them). Where a value already is in canonical form
// (plain records with sorted keys, nothing to drop), JSON.stringify writes it in one native
// call with the same text; the walk that checks it allocates nothing.
function isCanonical(value: unknown, depth = 0): boolean {
  if (value === null) return true;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return true;
  if (type !== 'object' || depth > 32) return false;
  if (Array.isArray(value)) return value.every((item) => isCanonical(item, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const record = value as Record<string, unknown>;
  let previous: string | undefined;
  for (const key in record) {
    if (previous !== undefined && previous >= key) return false;
    if (!isCanonical(record[key], depth + 1)) return false;
    previous = key;
  }
  return true;
}

function arrayJson(items: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i += 1) {
    if (i > 0) out += ',';
    out += canonicalJson(items[i] ?? null);
  }
  return `${out}]`;
}

function objectJson(record: Record<string, unknown>): string {
  const keys = Object.keys(record);
  if (keys.every((key) => isScalar(record[key]))) {
    // A key list as the replacer writes the keys in its order, here the sorted one.
    return JSON.stringify(record, keys.sort());
  }
  const parts: string[] = [];
  for (const key of keys.sort()) {
    const item = record[key];
    if (item !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(item)}`);
  }
  return `{${parts.join(',')}}`;
}

function isScalar(value: unknown): boolean {
  const type = typeof value;
  return value === null || type === 'string' || type === 'number' || type === 'boolean';
}

// Article fields in sorted order: building an object in this order and calling
// JSON.stringify once is the canonical form, about twice as fast as canonicalJson.
const ARTICLE_KEYS = [
  'authors',
  'canonicalUrl',
  'categories',
  'contentHash',
  'feedId',
  'id',
  'imageUrl',
  'language',
  'links',
  'meta',
  'outletId',
  'outletName',
  'publishedAt',
  'summary',
  'text',
  'title',
  'updatedAt',
  'url',
] as const;
const KNOWN_KEYS = new Set<string>([...ARTICLE_KEYS, 'fetchedAt']);

/**
 * The stored form of an article: its canonical JSON without `fetchedAt`, which changes on
 * every fetch and is kept beside it (first and last seen) so a re-fetch counts as unchanged.
 */
export function articleContent(article: Article): string {
  const record: Record<string, unknown> = article;
  if (Object.keys(record).some((key) => !KNOWN_KEYS.has(key))) {
    const { fetchedAt: _fetchedAt, ...content } = article;
    return canonicalJson(content);
  }
  const ordered: Record<string, unknown> = {};
  for (const key of ARTICLE_KEYS) {
    const value = record[key];
    if (value === undefined) continue;
    ordered[key] = key === 'meta' && !isEmpty(value) ? JSON.parse(canonicalJson(value)) : value;
  }
  return JSON.stringify(ordered);
}

function isEmpty(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

/** The text full-text search indexes: title, summary and text, one per line. */
export function searchableText(article: Article): string {
  return `${article.title}\n${article.summary ?? ''}\n${article.text ?? ''}`;
}

/** Normalises an ISO time to `YYYY-MM-DDTHH:mm:ss.sssZ`, so string order is time order. */
export function sortableTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toISOString();
}

/** Orders strings by UTF-16 code units (as SQLite's BINARY collation does), never by locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two optional ISO times. */
export function laterTime(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return sortableTime(a) >= sortableTime(b) ? a : b;
}

/** Words of a text as the FTS5 `unicode61` tokenizer sees them: lower case, accents removed. */
export function searchTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '');
}

/** When a story last changed: its latest article or its latest merge/split event. */
export function storyChangedAt(story: {
  updatedAt: string;
  history: readonly { at: string }[];
}): string {
  let latest = sortableTime(story.updatedAt);
  for (const event of story.history) {
    const at = sortableTime(event.at);
    if (at > latest) latest = at;
  }
  return latest;
}
