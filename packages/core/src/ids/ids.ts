import type { ArticleId, FeedId, OutletId, StoryId } from '../model/ids';
import { canonicalizeUrl } from '../url/canonicalize-url';
import { registrableDomain } from '../url/registrable-domain';
import { slugify, stableHash } from './hash';

/**
 * The id of an article at `url`: `a-` and 16 hex digits of the canonical URL's hash.
 * @example articleIdFromUrl('https://Example.com/x?utm_source=a') === articleIdFromUrl('https://example.com/x')
 */
export function articleIdFromUrl(url: string): ArticleId {
  return `a-${stableHash(canonicalizeUrl(url))}` as ArticleId;
}

/** The id of a feed at `url`: `f-` and the canonical URL's hash. */
export function feedIdFromUrl(url: string): FeedId {
  return `f-${stableHash(canonicalizeUrl(url))}` as FeedId;
}

/**
 * The id of an outlet from its display name: a slug (`BBC News` → `bbc-news`); names with
 * no ASCII letters fall back to a hash so no two names share an id by accident.
 */
export function outletIdFromName(name: string): OutletId {
  const slug = slugify(name);
  return (slug || `o-${stableHash(name.trim())}`) as OutletId;
}

/** The id of an outlet known only by a URL: its registrable domain (`bbc.co.uk`). */
export function outletIdFromUrl(url: string): OutletId {
  return registrableDomain(url) as OutletId;
}

/** A story id from the id of its first article: stable across runs and machines. */
export function storyIdFromSeed(seedArticleId: string): StoryId {
  return `s-${stableHash(seedArticleId)}` as StoryId;
}
