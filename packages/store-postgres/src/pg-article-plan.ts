import type { Article } from '@newsloom/core';
import {
  articleContent,
  laterTime,
  searchableText,
  searchTokens,
  sortableTime,
} from '@newsloom/store';

/** What a batch write did to each article, in order. */
export type ArticleOutcome = 'inserted' | 'updated' | 'unchanged';

/** One article row as the batch leaves it. */
export interface Row {
  seq: string | undefined;
  id: string;
  canonicalUrl: string;
  outletId: string;
  feedId: string | null;
  publishedAt: string;
  contentHash: string | null;
  fetchedAt: string | null;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  content: string;
  ingestSeq: number | undefined;
  search: string;
  state: 'stored' | 'new' | 'changed' | 'touched';
}

export interface StoredRow {
  seq: string;
  id: string;
  canonical_url: string;
  content: string;
  last_seen_at: string | null;
}

/**
 * Decides a batch in memory from the stored rows it touches (by id or canonical URL), with the
 * same rules as SQLite: a new id whose URL another article owns is unchanged; same content
 * only moves `last_seen_at`; changed content replaces the row unless its new URL is taken.
 */
export function planBatch(
  stored: readonly StoredRow[],
  articles: readonly Article[],
  latest: number,
) {
  const byId = new Map<string, Row>();
  const urlOwner = new Map<string, string>();
  for (const row of stored) {
    byId.set(row.id, storedRow(row));
    urlOwner.set(row.canonical_url, row.id);
  }
  const outcomes: ArticleOutcome[] = [];
  let next = latest + 1;
  for (const article of articles) {
    const content = articleContent(article);
    const existing = byId.get(article.id);
    if (existing === undefined) {
      if (urlOwner.has(article.canonicalUrl)) outcomes.push('unchanged');
      else {
        byId.set(article.id, newRow(article, content, next));
        urlOwner.set(article.canonicalUrl, article.id);
        next += 1;
        outcomes.push('inserted');
      }
      continue;
    }
    const lastSeen = laterTime(existing.lastSeenAt ?? undefined, article.fetchedAt) ?? null;
    if (existing.content === content) {
      if (lastSeen !== existing.lastSeenAt) {
        existing.lastSeenAt = lastSeen;
        if (existing.state === 'stored') existing.state = 'touched';
      }
      outcomes.push('unchanged');
    } else if (
      existing.canonicalUrl !== article.canonicalUrl &&
      urlOwner.has(article.canonicalUrl)
    ) {
      outcomes.push('unchanged');
    } else {
      urlOwner.delete(existing.canonicalUrl);
      urlOwner.set(article.canonicalUrl, article.id);
      const changed = newRow(article, content, next);
      changed.seq = existing.seq;
      changed.firstSeenAt = existing.firstSeenAt;
      changed.lastSeenAt = lastSeen;
      changed.state = existing.state === 'new' ? 'new' : 'changed';
      byId.set(article.id, changed);
      next += 1;
      outcomes.push('updated');
    }
  }
  return { rows: [...byId.values()], outcomes };
}

function storedRow(row: StoredRow): Row {
  return {
    seq: row.seq,
    id: row.id,
    canonicalUrl: row.canonical_url,
    content: row.content,
    lastSeenAt: row.last_seen_at,
    state: 'stored',
    // Not read: a stored row is only ever touched (last_seen_at) or fully replaced.
    outletId: '',
    feedId: null,
    publishedAt: '',
    contentHash: null,
    fetchedAt: null,
    firstSeenAt: null,
    ingestSeq: undefined,
    search: '',
  };
}

function newRow(article: Article, content: string, ingestSeq: number): Row {
  const fetchedAt = article.fetchedAt ?? null;
  return {
    seq: undefined,
    id: article.id,
    canonicalUrl: article.canonicalUrl,
    outletId: article.outletId,
    feedId: article.feedId ?? null,
    publishedAt: sortableTime(article.publishedAt),
    contentHash: article.contentHash ?? null,
    fetchedAt,
    firstSeenAt: fetchedAt,
    lastSeenAt: fetchedAt,
    content,
    ingestSeq,
    search: tsvectorLiteral(searchableText(article)),
    state: 'new',
  };
}

/** A tsvector literal of the text's search tokens (letters and digits only: no quoting issue). */
function tsvectorLiteral(text: string): string {
  return [...new Set(searchTokens(text))].map((token) => `'${token}'`).join(' ');
}
