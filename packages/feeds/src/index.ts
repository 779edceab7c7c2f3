// Public API of @newsloom/feeds: named exports only.
export {
  type FeedToArticlesOptions,
  type FeedToArticlesResult,
  feedToArticles,
} from './articles/feed-to-articles';
export {
  DEFAULT_USER_AGENT,
  type FetchFeedOptions,
  type FetchFeedResult,
  fetchFeed,
} from './fetch/fetch-feed';
export type { CacheHints } from './fetch/http-helpers';
export { isPrivateAddress, type ResolveHost } from './fetch/ssrf-guard';
export { extractLinks, htmlToText } from './html/html-to-text';
export { type SanitizeOptions, sanitizeHtml } from './html/sanitize-html';
export {
  type OpmlDocument,
  type OpmlFeed,
  type OpmlOutline,
  opmlFeeds,
  parseOpml,
  toOpml,
} from './opml/opml';
export { type DiscoveredFeed, discoverFeeds } from './parse/discover-feeds';
export { parseDate } from './parse/parse-date';
export { parseFeed } from './parse/parse-feed';
export {
  createPoller,
  type FeedPollStatus,
  type Poller,
  type PollerOptions,
} from './poll/create-poller';
export { type FetchFeedsOptions, fetchFeeds } from './poll/fetch-feeds';
export type { HostLimits } from './poll/host-gate';
export { hostOf, nextPollDelay, type ScheduleOptions } from './poll/schedule';
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
