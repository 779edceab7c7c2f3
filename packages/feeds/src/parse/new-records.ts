import type { FeedItem, FeedMeta } from '../types';

/** Empty feed metadata, as every mapper starts it. */
export function newFeed(): FeedMeta {
  return { links: [], authors: [], contributors: [], categories: [], details: {}, extensions: {} };
}

/** An empty item, as every mapper starts it. */
export function newItem(): FeedItem {
  return {
    links: [],
    authors: [],
    contributors: [],
    categories: [],
    details: {},
    extensions: {},
    content: [],
    enclosures: [],
  };
}
