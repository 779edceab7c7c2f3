import type { Diagnostic } from '@newsloom/core';

/** feedparser's version strings, plus `rss` / `atom` / `json` when the exact version is unknown. */
export type FeedVersion =
  | 'rss090'
  | 'rss091n'
  | 'rss091u'
  | 'rss092'
  | 'rss093'
  | 'rss094'
  | 'rss20'
  | 'rss10'
  | 'rss'
  | 'atom03'
  | 'atom10'
  | 'atom'
  | 'json10'
  | 'json11'
  | 'json'
  | 'cdf';

/** A link of a feed or item (Atom `<link>`, RSS `<link>`, JSON Feed `url`). */
export interface FeedLink {
  href: string;
  rel: string;
  type?: string;
  title?: string;
  length?: number;
  hreflang?: string;
}

/** A person: author, contributor, publisher. */
export interface FeedPerson {
  name?: string;
  email?: string;
  url?: string;
}

/** A category, tag or keyword. */
export interface FeedCategory {
  term: string;
  scheme?: string;
  label?: string;
}

/** How a text field was written: its MIME type, language and base URL. */
export interface TextDetail {
  /** `text/plain`, `text/html` or `application/xhtml+xml`. */
  type: string;
  language?: string;
  base?: string;
}

/** One body of an item (Atom `content`, RSS `content:encoded`, JSON `content_html`). */
export interface FeedContent extends TextDetail {
  value: string;
}

/** A feed's or item's image. */
export interface FeedImage {
  url: string;
  title?: string;
  description?: string;
  link?: string;
  width?: number;
  height?: number;
}

/** An enclosure: podcast audio, attached media. */
export interface FeedEnclosure {
  url: string;
  type?: string;
  length?: number;
}

/** A Media RSS `media:content` or `media:thumbnail`. */
export interface MediaObject {
  url: string;
  type?: string;
  medium?: string;
  width?: number;
  height?: number;
  duration?: number;
  fileSize?: number;
  title?: string;
  description?: string;
}

/** Media RSS data of an item (from the item and its `media:group`s). */
export interface FeedMedia {
  content: MediaObject[];
  thumbnails: MediaObject[];
  title?: string;
  description?: string;
  keywords: string[];
  credits: { role?: string; value: string }[];
}

/** iTunes podcast fields. */
export interface FeedItunes {
  author?: string;
  subtitle?: string;
  summary?: string;
  explicit?: boolean;
  block?: boolean;
  duration?: string;
  image?: string;
  type?: string;
  episode?: number;
  season?: number;
  episodeType?: string;
  owner?: FeedPerson;
  categories: string[];
  keywords: string[];
}

/** Fields feeds and items share. */
export interface FeedCommon {
  title?: string;
  link?: string;
  links: FeedLink[];
  id?: string;
  rights?: string;
  updated?: string;
  published?: string;
  created?: string;
  /** The raw author string as written (`jo@example.com (Jo)`), feedparser's `author`. */
  author?: string;
  authors: FeedPerson[];
  contributors: FeedPerson[];
  categories: FeedCategory[];
  language?: string;
  image?: FeedImage;
  publisher?: FeedPerson;
  itunes?: FeedItunes;
  /** How each text field (`title`, `subtitle`, `summary`, `rights`, `info`) was written. */
  details: Record<string, TextDetail>;
  /** Other simple elements by normalised name: `dc:publisher`, `wfw:comment`, `feedburner:origlink`. */
  extensions: Record<string, string>;
}

/** Channel-level data of a feed. */
export interface FeedMeta extends FeedCommon {
  subtitle?: string;
  /** Atom 0.3 `info`. */
  info?: string;
  generator?: string;
  generatorDetail?: { name?: string; url?: string; version?: string };
  icon?: string;
  docs?: string;
  /** Minutes a reader may cache the feed (RSS `ttl`). */
  ttl?: number;
  cloud?: Record<string, string>;
}

/** One entry of a feed. */
export interface FeedItem extends FeedCommon {
  summary?: string;
  content: FeedContent[];
  expired?: string;
  enclosures: FeedEnclosure[];
  comments?: string;
  /** Where a republished item came from (RSS `source`, Atom `source`). */
  source?: Partial<FeedMeta> & { url?: string };
  /** True when the link was taken from an RSS `guid` that is a permalink. */
  guidIsLink?: boolean;
  media?: FeedMedia;
  /** `slash:comments`: number of comments. */
  commentCount?: number;
  /** GeoRSS / W3C geo point, as GeoJSON: coordinates are `[longitude, latitude]`. */
  where?: { type: string; coordinates: number[] | number[][] | number[][][] };
}

/** What {@link parseFeed} returns. */
export interface ParsedFeed {
  version: FeedVersion;
  /** Lower-case charset actually used to decode the input. */
  encoding: string;
  /** False wherever the input had to be repaired (feedparser's `bozo`). */
  wellFormed: boolean;
  diagnostics: Diagnostic[];
  feed: FeedMeta;
  items: FeedItem[];
}

/** Options of {@link parseFeed}. */
export interface ParseFeedOptions {
  /** The document's URL: relative links are resolved against it. */
  url?: string | undefined;
  /** The HTTP Content-Type, whose charset wins over the XML declaration. */
  contentType?: string | undefined;
  /** Largest input accepted, in bytes (default 20 MB). */
  maxBytes?: number | undefined;
  /** Most items kept (default 10,000). */
  maxItems?: number | undefined;
}
