import type { Diagnostic } from '@newsloom/core';
import type { SourceText } from '../decode/source-text';
import { type AttrCache, sanitizeWith } from '../html/sanitize-html';
import type { FeedContent } from '../types';
import { decodeEntities, escapeHtml, namedEntity } from '../xml/entities';
import { ATOM10_NS } from '../xml/namespaces';
import type { XmlElement } from '../xml/parse-xml';

/** What the element mappers share while reading one document. */
export interface MapContext {
  /** The document, to cut raw inner XML from. */
  source: SourceText;
  docUrl: string | undefined;
  /** Atom types its text explicitly; RSS text is sniffed for HTML. */
  atom: boolean;
  diagnostics: Diagnostic[];
  /** True while an item (not the channel) is being read. */
  inItem: boolean;
  /** The permalink guid of the item being read, if any. */
  guidLink: string | undefined;
  /** Sanitised attribute strings already seen in this document. */
  attrCache: AttrCache;
}

const XHTML = 'application/xhtml+xml';
const TYPE_ALIASES: Record<string, string> = {
  text: 'text/plain',
  html: 'text/html',
  xhtml: XHTML,
};
const HTML_TAG = /<\/?([a-z][a-z0-9]*)\b[^<>]*>/gi;
const HTMLISH = new Set(
  (
    'a abbr acronym address b big blockquote br center cite code dd del dfn div dl dt em font h1 h2 h3 h4 ' +
    'h5 h6 hr i img ins kbd li ol p pre q s samp small span strike strong sub sup table tbody td tfoot th ' +
    'thead tr tt u ul var iframe script style object embed'
  ).split(' '),
);

/**
 * Reads a text construct (Atom text, RSS description, content:encoded…): its value and how it
 * was written. HTML and XHTML are sanitised and their relative URLs resolved against the
 * element's `xml:base`, then the document URL.
 * @example readText(el, ctx, 'text/html') // { value: '<p>Hi</p>', type: 'text/html', … }
 */
export function readText(
  el: XmlElement,
  ctx: MapContext,
  fallbackType = 'text/plain',
): FeedContent {
  const mode = el.attrs.mode?.toLowerCase();
  let type = typeOf(el.attrs.type, fallbackType);
  let value: string;
  if (
    mode === 'base64' ||
    (el.attrs.type && /^(?!text\/|application\/xhtml)/.test(type) && isBase64Type(type))
  ) {
    value = decodeBase64(el.text);
  } else if (el.children.length > 0) {
    value = innerXml(el, ctx);
    if (type === XHTML)
      // Atom 1.0 wraps XHTML in one <div> that is not content; Atom 0.3 has no such wrapper.
      value = normalizeXhtml(el.ns === ATOM10_NS ? unwrapDiv(value) : value);
    else if (type === 'text/plain') type = 'text/html';
  } else {
    value = el.text;
  }
  value = value.trim();
  if (type === 'text/plain' && !ctx.atom && looksLikeHtml(value)) type = 'text/html';
  const base = el.base ?? ctx.docUrl;
  if (type === 'text/html' || type === XHTML) value = sanitizeWith(value, base, ctx.attrCache);
  const result: FeedContent = { value, type };
  if (el.lang) result.language = el.lang;
  if (base !== undefined) result.base = base;
  return result;
}

/** The raw source between an element's tags. */
function innerXml(el: XmlElement, ctx: MapContext): string {
  return ctx.source.slice(el.innerStart, el.innerEnd);
}

function typeOf(attr: string | undefined, fallback: string): string {
  if (!attr) return fallback;
  const lower = attr.trim().toLowerCase();
  return TYPE_ALIASES[lower] ?? (lower.includes('/') ? lower : fallback);
}

function isBase64Type(type: string): boolean {
  return !/xml|json|javascript|ecmascript/.test(type);
}

function decodeBase64(text: string): string {
  try {
    return Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
  } catch {
    return text;
  }
}

// Atom XHTML content is wrapped in one <div xmlns="http://www.w3.org/1999/xhtml">.
function unwrapDiv(xml: string): string {
  const m = /^\s*<(?:[\w-]+:)?div\b[^>]*>([\s\S]*)<\/(?:[\w-]+:)?div>\s*$/i.exec(xml);
  return m ? (m[1] ?? '') : xml;
}

// XHTML is XML: its character references are characters, re-escaped where HTML needs it.
function normalizeXhtml(xml: string): string {
  return xml.replace(/&(#\d+|#x[\da-f]+|[a-z][a-z\d]*);/gi, (ref, body: string) => {
    const ctx = {
      declared: new Map<string, string>(),
      malformed: false,
      undeclared: false,
      budget: 0,
    };
    const char = body.startsWith('#') ? decodeEntities(ref, ctx) : (namedEntity(body) ?? ref);
    return char === ref ? ref : escapeHtml(char);
  });
}

/** True when plain text is really HTML: closing tags or entities, all from HTML's vocabulary. */
function looksLikeHtml(text: string): boolean {
  if (text.indexOf('<') === -1 && text.indexOf('&') === -1) return false;
  if (!/<\/\w+>|&#?\w+;|<(?:br|hr|img|p)\b[^<>]*>/i.test(text)) return false;
  for (const m of text.matchAll(HTML_TAG)) {
    if (!HTMLISH.has((m[1] ?? '').toLowerCase())) return false;
  }
  return true;
}
