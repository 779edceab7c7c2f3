import { type Diagnostic, NewsloomError } from '@newsloom/core';
import { decodeSource, demoronize, normalizeCharset } from '../decode/decode-input';
import { SourceText } from '../decode/source-text';
import type { FeedItem, ParsedFeed, ParseFeedOptions } from '../types';
import { parseXml, type XmlDocument, type XmlElement } from '../xml/parse-xml';
import { discoverFeeds } from './discover-feeds';
import { detectShape, isFeedItem, mapFeed, mapItemSafely } from './map-feed';
import { mapJsonFeed } from './map-json-feed';
import type { MapContext } from './read-text';

/** The size limit of parseFeed and fetchFeed unless `maxBytes` says otherwise. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const DEFAULT_MAX_ITEMS = 10_000;
const FEEDISH_TYPE = /xml|rss|atom|rdf|json|octet-stream/i;

/**
 * Parses RSS (0.9x, 1.0, 2.0), Atom (0.3, 1.0), RDF, CDF or JSON Feed (1.0, 1.1), detected from
 * the content, into feedparser's normalised vocabulary. Pure and synchronous; tolerant of broken
 * input (repairs are reported in `diagnostics` and make `wellFormed` false); HTML is sanitised,
 * relative URLs resolved, dates normalised to ISO 8601 UTC. Never reads external entities.
 *
 * @example
 * const parsed = parseFeed('<rss version="2.0"><channel><title>T</title><item><title>A</title>' +
 *   '<link>/a</link></item></channel></rss>', { url: 'https://example.com/feed' })
 * parsed.items[0]?.link // 'https://example.com/a'
 * @throws {NewsloomError} `NOT_A_FEED` for an HTML page (with `details.discovered`, the feeds it
 *   advertises), an empty document or JSON that is not a JSON Feed; `INPUT_TOO_LARGE` past `maxBytes`.
 */
export function parseFeed(input: string | Uint8Array, options: ParseFeedOptions = {}): ParsedFeed {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxBytes) {
    throw new NewsloomError(
      'INPUT_TOO_LARGE',
      `The feed is ${size} bytes, over the ${maxBytes}-byte limit; pass a larger maxBytes if you trust the source.`,
      { details: { size, maxBytes } },
    );
  }
  const { source, encoding, problems } = decode(input, options.contentType);
  const diagnostics = problems.map((p) => diag('warning', 'ENCODING', p, options.url));
  if (options.contentType && !FEEDISH_TYPE.test(options.contentType)) {
    const message = `Served as "${options.contentType}", not an XML or JSON type; parsed by content.`;
    diagnostics.push(diag('warning', 'UNEXPECTED_CONTENT_TYPE', message, options.url));
  }
  const repaired = diagnostics.length > 0;
  const ctx: MapContext = {
    source,
    docUrl: options.url,
    atom: false,
    diagnostics,
    inItem: false,
    guidLink: undefined,
    attrCache: new Map(),
  };
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  if (looksLikeJson(source)) {
    const { version, feed, items } = mapJsonFeed(parseJson(source.text()), ctx, maxItems);
    const wellFormed = !repaired && !diagnostics.some((d) => d.severity === 'error');
    return { version, encoding, wellFormed, diagnostics, feed, items };
  }
  const { version, feed, items, wellFormed } = parseXmlFeed(source, ctx, maxItems);
  return { version, encoding, wellFormed: wellFormed && !repaired, diagnostics, feed, items };
}

function looksLikeJson(source: SourceText): boolean {
  const first = source.firstNonSpace();
  return first === '{' || first === '[';
}

function parseXmlFeed(source: SourceText, ctx: MapContext, maxItems: number) {
  const items: FeedItem[] = [];
  // Items are mapped as soon as they close and then dropped from the tree: memory stays flat.
  const onClose = (el: XmlElement, depth: number, root: XmlElement): boolean => {
    const parentName = depth === 2 ? root.children.at(-1)?.name : root.name;
    if (depth === 0 || !isFeedItem(el, depth, parentName)) return false;
    if (items.length >= maxItems) return tooMany(ctx, maxItems);
    ctx.atom = root.name === 'feed';
    const item = mapItemSafely(el, ctx, items.length);
    if (item) items.push(item);
    return true;
  };
  const doc = parseXml(source, { baseUrl: ctx.docUrl, onClose });
  const shape = doc.root ? detectShape(doc.root, doc.doctype) : undefined;
  if (!doc.root || !shape) throw notAFeed(doc, source.text(), ctx.docUrl);
  ctx.atom = shape.atom;
  const lines = source.linesAt(doc.problems.map((p) => p.offset));
  doc.problems.forEach((p, k) => {
    ctx.diagnostics.push(xmlProblem(p, lines[k] as number, source, ctx.docUrl));
  });
  const feed = mapFeed(shape, ctx);
  return { version: shape.version, feed, items, wellFormed: doc.wellFormed };
}

function decode(input: string | Uint8Array, contentType: string | undefined) {
  if (typeof input !== 'string') return decodeSource(input, contentType);
  const text = demoronize(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  const declared = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(
    text.slice(0, 512),
  )?.[1];
  return {
    source: SourceText.of(text),
    encoding: declared ? normalizeCharset(declared) : 'utf-8',
    problems: [] as string[],
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new NewsloomError(
      'NOT_A_FEED',
      `The document looks like JSON but does not parse (${(cause as Error).message}); it is not a JSON Feed.`,
      { cause },
    );
  }
}

function tooMany(ctx: MapContext, max: number): true {
  if (!ctx.diagnostics.some((d) => d.code === 'TOO_MANY_ITEMS')) {
    ctx.diagnostics.push({
      severity: 'warning',
      code: 'TOO_MANY_ITEMS',
      message: `The feed has more than ${max} items; the rest were ignored. Raise maxItems to keep them.`,
    });
  }
  return true;
}

function notAFeed(doc: XmlDocument, text: string, url: string | undefined): NewsloomError {
  const root = doc.root?.name;
  if (!root) {
    const empty = !/\S/.test(text.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, ''));
    return new NewsloomError(
      'NOT_A_FEED',
      empty
        ? 'The document is empty: no feed to parse.'
        : 'The document has no XML root element: it is not a feed.',
      { details: { url } },
    );
  }
  const discovered = discoverFeeds(text, url);
  const hint =
    discovered.length > 0
      ? ` It advertises ${discovered.length} feed(s): ${discovered.map((d) => d.url).join(', ')}.`
      : '';
  const what =
    root === 'html' || root === 'head' || root === 'body'
      ? 'an HTML page'
      : `an XML document with root <${root}>`;
  return new NewsloomError(
    'NOT_A_FEED',
    `This is ${what}, not an RSS, Atom, RDF or JSON feed.${hint}`,
    { details: { url, root, discovered } },
  );
}

// `p.offset` is into the view (whose line feeds are the text's); the diagnostic gives the text's.
function xmlProblem(
  p: { message: string; offset: number },
  line: number,
  source: SourceText,
  subject: string | undefined,
): Diagnostic {
  const d = diag('warning', 'MALFORMED_XML', `Repaired: ${p.message}.`, subject);
  d.location = { line, offset: source.charOffset(p.offset) };
  return d;
}

function diag(
  severity: Diagnostic['severity'],
  code: string,
  message: string,
  subject: string | undefined,
): Diagnostic {
  return subject === undefined ? { severity, code, message } : { severity, code, message, subject };
}
