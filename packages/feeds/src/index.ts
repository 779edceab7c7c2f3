// Public API of @newsloom/feeds: named exports only.
export { parseFeed } from './parse/parse-feed';
export { parseDate } from './parse/parse-date';
export { discoverFeeds, type DiscoveredFeed } from './parse/discover-feeds';
export { sanitizeHtml, type SanitizeOptions } from './html/sanitize-html';
export type {
  FeedCategory,
  FeedCommon,
  FeedContent,
  FeedEnclosure,
  FeedImage,
  FeedItem,
  FeedItunes,
  FeedLink,
  FeedMedia,
  FeedMeta,
  FeedPerson,
  FeedVersion,
  MediaObject,
  ParsedFeed,
  ParseFeedOptions,
  TextDetail,
} from './types';
