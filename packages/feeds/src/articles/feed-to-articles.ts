import {
  type Article,
  type Diagnostic,
  type Feed,
  type Outlet,
  parseArticle,
} from '@newsloom/core';
import { extractLinks, htmlToText } from '../html/html-to-text';
import type { FeedItem, ParsedFeed } from '../types';
import {
  articleImage,
  contentTexts,
  deriveTitle,
  itemLink,
  itemText,
  plainField,
  snippet,
} from './item-fields';

/** Context of {@link feedToArticles}: where the items came from and when. */
export interface FeedToArticlesOptions {
  feed: Pick<Feed, 'id' | 'url'> & Partial<Feed>;
  outlet: Pick<Outlet, 'id'> & { name?: string | undefined };
  /** When the feed was fetched (ISO 8601 UTC): the date of last resort for undated items. */
  fetchedAt: string;
}

/** What {@link feedToArticles} returns. */
export interface FeedToArticlesResult {
  articles: Article[];
  diagnostics: Diagnostic[];
}

/**
 * Turns a parsed feed into newsloom `Article`s: an absolute link (resolved against the feed
 * URL), a title (derived from the summary when the item has none), plain-text summary and
 * text, outbound links, image, authors, categories and a content hash. Items without any date
 * take the feed's date, else `fetchedAt`, and say so in `meta.dateSource` and a diagnostic.
 * Duplicates within the feed (same id, canonical URL or content hash) are dropped. An item
 * that cannot become an article is reported and skipped; the others survive.
 *
 * @example
 * const { articles } = feedToArticles(parseFeed(xml), {
 *   feed: { id: feedIdFromUrl(url), url }, outlet: { id: outletIdFromName('BBC'), name: 'BBC' },
 *   fetchedAt: '2024-01-01T00:00:00Z' })
 */
export function feedToArticles(
  parsed: ParsedFeed,
  options: FeedToArticlesOptions,
): FeedToArticlesResult {
  const diagnostics: Diagnostic[] = [];
  const articles: Article[] = [];
  const seen = new Set<string>();
  const shared = sharedLinks(parsed);
  parsed.items.forEach((item, index) => {
    const subject = item.link ?? item.id ?? `${options.feed.url}#item-${index + 1}`;
    try {
      const article = toArticle(item, parsed, { ...options, shared }, diagnostics, subject);
      if (!article) return;
      const keys = [
        `id:${article.id}`,
        `url:${article.canonicalUrl}`,
        `hash:${article.contentHash}`,
      ];
      if (keys.some((key) => seen.has(key))) {
        diagnostics.push({
          severity: 'info',
          code: 'DUPLICATE_ITEM',
          message: `Item ${index + 1} repeats an earlier item of the feed; skipped.`,
          subject,
        });
        return;
      }
      for (const key of keys) seen.add(key);
      articles.push(article);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      diagnostics.push({
        severity: 'error',
        code: 'ITEM_SKIPPED',
        message: `Item ${index + 1} could not become an article: ${reason}`,
        subject,
        cause,
      });
    }
  });
  return { articles, diagnostics };
}

// Video and podcast feeds describe items in Media RSS or iTunes fields only.
function mediaSummary(item: FeedItem): string | undefined {
  const text = item.media?.description ?? item.itunes?.summary ?? item.itunes?.subtitle;
  return text ? plainField(text) : undefined;
}

function sharedLinks(parsed: ParsedFeed): Set<string> {
  const counts = new Map<string, number>();
  for (const item of parsed.items)
    if (item.link) counts.set(item.link, (counts.get(item.link) ?? 0) + 1);
  const shared = new Set([...counts].filter(([, n]) => n > 1).map(([link]) => link));
  if (parsed.feed.link) shared.add(parsed.feed.link);
  return shared;
}

function toArticle(
  item: FeedItem,
  parsed: ParsedFeed,
  options: FeedToArticlesOptions & { shared: Set<string> },
  diagnostics: Diagnostic[],
  subject: string,
): Article | undefined {
  const url = itemLink(item, options.feed.url, options.shared);
  if (!url) {
    diagnostics.push({
      severity: 'warning',
      code: 'NO_LINK',
      message:
        'The item has no absolute http(s) link; skipped. Give the feed a URL so relative links can be resolved.',
      subject,
    });
    return undefined;
  }
  // Each content is converted once, for both the snippet and the full text.
  const texts = contentTexts(item);
  const summary =
    item.summary !== undefined
      ? plainField(item.summary, item.details.summary?.type)
      : (snippet(texts) ?? mediaSummary(item));
  const text = itemText(texts, summary);
  const title =
    plainField(item.title ?? '', item.details.title?.type) || deriveTitle(summary ?? text ?? '');
  if (!title) {
    diagnostics.push({
      severity: 'warning',
      code: 'NO_TITLE',
      message: 'The item has neither a title nor a summary; skipped.',
      subject,
    });
    return undefined;
  }
  const dated = item.published ?? item.updated ?? item.created;
  const fallback = parsed.feed.updated ?? parsed.feed.published;
  const dateSource = dated ? 'item' : fallback ? 'feed' : 'fetchedAt';
  if (!dated) {
    diagnostics.push({
      severity: 'info',
      code: 'MISSING_DATE',
      message: `The item has no date; using the ${dateSource === 'feed' ? "feed's date" : 'fetch time'} instead.`,
      subject,
    });
  }
  const html = [item.summary ?? '', ...item.content.map((c) => c.value)].join('\n');
  const links = extractLinks(html).filter((link) => link !== url);
  return parseArticle({
    url,
    outletId: options.outlet.id,
    outletName: options.outlet.name,
    feedId: options.feed.id,
    title,
    summary: summary || undefined,
    text,
    authors: item.authors.map((a) => a.name ?? a.email).filter((a): a is string => !!a),
    publishedAt: dated ?? fallback ?? options.fetchedAt,
    updatedAt: item.updated && item.updated !== dated ? item.updated : undefined,
    fetchedAt: options.fetchedAt,
    language: item.details.title?.language ?? parsed.feed.language,
    categories: [...new Set(item.categories.map((c) => htmlToText(c.term)).filter(Boolean))],
    links,
    imageUrl: articleImage(item, html),
    meta: {
      ...(item.id ? { guid: item.id } : {}),
      ...(dateSource === 'item' ? {} : { dateSource }),
      ...(item.comments ? { commentsUrl: item.comments } : {}),
      ...(item.enclosures.length > 0 ? { enclosures: item.enclosures } : {}),
      feedUrl: options.feed.url,
    },
  });
}
