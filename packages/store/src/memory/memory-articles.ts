import {
  type Article,
  type ArticleQuery,
  ArticleSchema,
  type SequencedArticles,
  type UpsertCounts,
} from '@newsloom/core';
import {
  articleContent,
  compareStrings,
  laterTime,
  searchableText,
  searchTokens,
  sortableTime,
} from '../shared/canonical';
import { decodeRow } from '../shared/decode';

interface Entry {
  id: string;
  canonicalUrl: string;
  outletId: string;
  feedId: string | undefined;
  published: string;
  content: string;
  fetchedAt: string | undefined;
  lastSeenAt: string | undefined;
  words: Set<string>;
  sequence: number;
}

/** Articles held in memory with exactly the semantics of the SQLite tables. */
export function createMemoryArticles(storyMembers: (storyId: string) => ReadonlySet<string>) {
  const byId = new Map<string, Entry>();
  const urlOwner = new Map<string, string>();
  let sorted: Entry[] | undefined;
  // Every sequence ever given, in order, with its article; an entry whose article has since
  // taken a newer sequence is stale and skipped.
  const log: { sequence: number; id: string }[] = [];

  function upsertOne(article: Article, content: string, counts: UpsertCounts): void {
    const existing = byId.get(article.id);
    if (existing === undefined && urlOwner.has(article.canonicalUrl)) {
      counts.unchanged += 1;
      return;
    }
    const lastSeenAt = laterTime(existing?.lastSeenAt, article.fetchedAt);
    if (existing?.content === content) {
      existing.lastSeenAt = lastSeenAt;
      counts.unchanged += 1;
      return;
    }
    const owner = urlOwner.get(article.canonicalUrl);
    if (existing !== undefined && owner !== undefined && owner !== article.id) {
      counts.unchanged += 1;
      return;
    }
    if (existing !== undefined) urlOwner.delete(existing.canonicalUrl);
    urlOwner.set(article.canonicalUrl, article.id);
    const sequence = log.length + 1;
    byId.set(article.id, entryOf(article, content, lastSeenAt, sequence));
    log.push({ sequence, id: article.id });
    sorted = undefined;
    if (existing === undefined) counts.inserted += 1;
    else counts.updated += 1;
  }

  function ordered(): Entry[] {
    sorted ??= [...byId.values()].sort(byPublishedThenId);
    return sorted;
  }

  return {
    upsert(articles: readonly Article[]): UpsertCounts {
      // Serialise first (the only step that can throw), so a batch applies wholly or not at all.
      const contents = articles.map(articleContent);
      const counts = { inserted: 0, updated: 0, unchanged: 0 };
      for (const [index, article] of articles.entries()) {
        upsertOne(article, contents[index] ?? '', counts);
      }
      return counts;
    },
    get(id: string): Article | undefined {
      const entry = byId.get(id);
      return entry === undefined ? undefined : decode(entry);
    },
    page(
      query: ArticleQuery,
      storyId: string | undefined,
      after: [string, string] | undefined,
      size: number,
    ) {
      const members = storyId === undefined ? undefined : storyMembers(storyId);
      const list = ordered();
      const page: Article[] = [];
      for (
        let i = startIndex(list, query.since, after);
        i < list.length && page.length < size;
        i += 1
      ) {
        const entry = list[i];
        if (entry === undefined) break;
        if (query.until !== undefined && entry.published >= query.until) break;
        if (query.outletId !== undefined && entry.outletId !== query.outletId) continue;
        if (query.feedId !== undefined && entry.feedId !== query.feedId) continue;
        if (members !== undefined && !members.has(entry.id)) continue;
        page.push(decode(entry));
      }
      return page;
    },
    after(sequence: number, limit: number): SequencedArticles {
      const articles: Article[] = [];
      let lastSequence = sequence;
      for (let i = Math.max(0, sequence); i < log.length && articles.length < limit; i += 1) {
        const logged = log[i];
        const entry = logged === undefined ? undefined : byId.get(logged.id);
        if (logged === undefined || entry?.sequence !== logged.sequence) continue;
        articles.push(decode(entry));
        lastSequence = logged.sequence;
      }
      return { articles, lastSequence };
    },
    latestSequence: (): number => log.length,
    byIds(ids: readonly string[]): Article[] {
      return ids.flatMap((id) => {
        const entry = byId.get(id);
        return entry === undefined ? [] : [decode(entry)];
      });
    },
    search(tokens: readonly string[], limit: number): Article[] {
      const hits = ordered().filter((entry) => tokens.every((token) => entry.words.has(token)));
      return hits.sort(byNewestThenId).slice(0, limit).map(decode);
    },
  };
}

function entryOf(
  article: Article,
  content: string,
  lastSeenAt: string | undefined,
  sequence: number,
): Entry {
  const words = new Set(searchTokens(searchableText(article)));
  return {
    id: article.id,
    canonicalUrl: article.canonicalUrl,
    outletId: article.outletId,
    feedId: article.feedId,
    published: sortableTime(article.publishedAt),
    content,
    fetchedAt: article.fetchedAt,
    lastSeenAt,
    words,
    sequence,
  };
}

function decode(entry: Entry): Article {
  const extra = entry.fetchedAt === undefined ? undefined : { fetchedAt: entry.fetchedAt };
  return decodeRow(ArticleSchema, entry.content, `articles ${entry.id}`, extra);
}

/** Index of the first entry at or after `since` and after the key `after` (binary search). */
function startIndex(
  list: readonly Entry[],
  since: string | undefined,
  after: [string, string] | undefined,
): number {
  const before = (entry: Entry) =>
    (since !== undefined && entry.published < since) ||
    (after !== undefined &&
      (entry.published < after[0] || (entry.published === after[0] && entry.id <= after[1])));
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const entry = list[mid];
    if (entry !== undefined && before(entry)) low = mid + 1;
    else high = mid;
  }
  return low;
}

function byPublishedThenId(a: Entry, b: Entry): number {
  return compareStrings(a.published, b.published) || compareStrings(a.id, b.id);
}

function byNewestThenId(a: Entry, b: Entry): number {
  return compareStrings(b.published, a.published) || compareStrings(a.id, b.id);
}
