import { resolveUrl } from '../url/resolve-url';
import { decodeEntities, escapeHtml } from '../xml/entities';

const ALLOWED = new Set(
  (
    'a abbr acronym address area article aside audio b bdi bdo big blockquote br caption center cite ' +
    'code col colgroup dd del details dfn dir div dl dt em figcaption figure font footer h1 h2 h3 h4 ' +
    'h5 h6 header hr i img ins kbd li map mark nav ol p picture pre q rp rt ruby s samp section small ' +
    'source span strike strong sub summary sup table tbody td tfoot th thead time tr track tt u ul var video wbr'
  ).split(' '),
);
// Dropped with everything inside them: their content is code, not prose.
const DROP_CONTENT = new Set(
  'script style applet iframe object embed noembed noframes frameset frame template svg math xml head title'.split(
    ' ',
  ),
);
const VOID = new Set('area br col hr img source track wbr'.split(' '));
// The serialised start tags without attributes, and end tags, of the allowed elements.
const START_TAG = new Map(
  [...ALLOWED].map((name) => [name, VOID.has(name) ? `<${name} />` : `<${name}>`]),
);
const END_TAG = new Map([...ALLOWED].map((name) => [name, `</${name}>`]));
const ATTRS = new Set(
  (
    'abbr align alt axis border cellpadding cellspacing char charoff cite class clear color cols colspan ' +
    'controls coords datetime dir headers height href hreflang hspace id lang loop longdesc muted nowrap ' +
    'poster preload rel rev rows rowspan rules scope shape size span src start summary tabindex target ' +
    'title type usemap valign value vspace width xml:lang'
  ).split(' '),
);
const URL_ATTRS = new Set(['href', 'src', 'cite', 'longdesc', 'poster', 'usemap']);
const SAFE_SCHEME =
  /^(?:(?:https?|mailto|ftp|tel|news|nntp|feed|magnet|irc|xmpp|urn):|data:image\/(?:png|gif|jpe?g|webp);)/i;

const QUIET = {
  declared: new Map<string, string>(),
  malformed: false,
  undeclared: false,
  budget: 0,
};

/** Options of {@link sanitizeHtml}. */
export interface SanitizeOptions {
  /** Base URL that relative links and image sources are resolved against. */
  base?: string | undefined;
}

/**
 * Sanitises HTML by an allowlist: only presentational elements and attributes survive; script,
 * style, iframe, object and the like are dropped with their content; event handlers, `style` and
 * `javascript:` or other unsafe URLs are removed; relative URLs are resolved against `base`.
 * Unclosed elements are closed, so the output nests properly.
 * @example sanitizeHtml('<p onclick="x()">Hi<script>alert(1)</script></p>') // '<p>Hi</p>'
 */
export function sanitizeHtml(html: string, options: SanitizeOptions = {}): string {
  return sanitizeWith(html, options.base, undefined);
}

/**
 * Remembers, for one document, the sanitised form of each attribute string per base URL: feeds
 * repeat the same markup (`class="p"`, a podcast's footer links) in item after item.
 */
export type AttrCache = Map<string | undefined, Map<string, string>>;
const MAX_CACHED_ATTRS = 4096;

/** {@link sanitizeHtml} with a per-document cache of sanitised attributes. */
export function sanitizeWith(
  html: string,
  base: string | undefined,
  cache: AttrCache | undefined,
): string {
  if (html.indexOf('<') === -1) return escapeText(html);
  let attrCache: Map<string, string> | undefined;
  if (cache) {
    attrCache = cache.get(base);
    if (!attrCache) {
      attrCache = new Map();
      cache.set(base, attrCache);
    }
  }
  // Stretches that come out exactly as they went in are copied in one slice at the end; only
  // what changes is rebuilt. Pieces are joined once: a flat string, not a tree of concatenations.
  const out: string[] = [];
  const piece: string[] = [];
  const open: string[] = [];
  let copyFrom = 0;
  let i = 0;
  const n = html.length;
  // The next `&`: text before it needs no escaping, so is neither sliced nor scanned again.
  let amp = -1;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (amp !== n && amp < i) {
      amp = html.indexOf('&', i);
      if (amp === -1) amp = n;
    }
    if (textEnd > i && amp < textEnd) {
      const text = html.slice(i, textEnd);
      const escaped = escapeText(text);
      if (escaped !== text) {
        if (copyFrom < i) out.push(html.slice(copyFrom, i));
        out.push(escaped);
        copyFrom = textEnd;
      }
    }
    if (lt === -1) break;
    if (piece.length !== 0) piece.length = 0;
    same = false;
    i = markup(html, lt, piece, open, base, attrCache);
    if (same) continue;
    const replacement = piece.length === 1 ? (piece[0] as string) : piece.join('');
    // Compared in place: no slice of the source per tag.
    if (replacement.length !== i - lt || !html.startsWith(replacement, lt)) {
      if (copyFrom < lt) out.push(html.slice(copyFrom, lt));
      out.push(replacement);
      copyFrom = i;
    }
  }
  if (copyFrom < n) out.push(copyFrom === 0 ? html : html.slice(copyFrom));
  for (let k = open.length - 1; k >= 0; k--) out.push(END_TAG.get(open[k] as string) as string);
  return out.length === 1 ? (out[0] as string) : out.join('');
}

// Set by `markup` when the markup it read comes out exactly as written (`<p>`, `</p>`, a tag
// whose attributes are already clean): nothing is built for it then.
let same = false;

// Handles the markup starting at `lt`; returns where the text resumes.
function markup(
  html: string,
  lt: number,
  out: string[],
  open: string[],
  base: string | undefined,
  attrCache: Map<string, string> | undefined,
): number {
  const n = html.length;
  const next = html.charCodeAt(lt + 1);
  if (next === 33 /* ! */ || next === 63 /* ? */) {
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      return end === -1 ? n : end + 3;
    }
    if (html.startsWith('<![CDATA[', lt)) {
      const end = html.indexOf(']]>', lt);
      out.push(escapeHtml(html.slice(lt + 9, end === -1 ? n : end)));
      return end === -1 ? n : end + 3;
    }
    const end = html.indexOf('>', lt);
    return end === -1 ? n : end + 1;
  }
  const tag = scanTag(html, lt);
  if (!tag) {
    out.push('&lt;');
    return lt + 1;
  }
  const { after, closing, rawName, rawAttrs, selfClose } = tag;
  let name = rawName.toLowerCase();
  if (name.includes(':')) name = name.slice(name.lastIndexOf(':') + 1);
  if (closing) {
    if (rawName === name && after - lt === name.length + 3 && open[open.length - 1] === name) {
      open.pop();
      same = true;
    } else closeTag(name, open, out);
  } else if (DROP_CONTENT.has(name)) {
    if (!selfClose) return skipElement(html, after, name);
  } else if (ALLOWED.has(name)) {
    const isVoid = VOID.has(name);
    let attrs = '';
    if (rawAttrs) {
      const cached = attrCache?.get(rawAttrs);
      if (cached !== undefined) attrs = cached;
      else {
        attrs = sanitizeAttrs(rawAttrs, base);
        if (attrCache && attrCache.size < MAX_CACHED_ATTRS) attrCache.set(rawAttrs, attrs);
      }
    }
    if (rawName === name) {
      // Written `<name attrs>` (`<name attrs />` when void) with the attributes already clean.
      if (isVoid) {
        same =
          selfClose &&
          rawAttrs.length === attrs.length + 1 &&
          rawAttrs.charCodeAt(attrs.length) === 32 &&
          rawAttrs.startsWith(attrs);
      } else if (!selfClose) same = rawAttrs === attrs;
      if (same) {
        if (!isVoid) open.push(name);
        return after;
      }
    }
    out.push(attrs ? `<${name}${attrs}${isVoid ? ' /' : ''}>` : (START_TAG.get(name) as string));
    if (!isVoid && !selfClose) open.push(name);
    else if (!isVoid) out.push(END_TAG.get(name) as string);
  }
  return after;
}

interface ScannedTag {
  after: number;
  closing: boolean;
  rawName: string;
  rawAttrs: string;
  selfClose: boolean;
}

// Reads `<name attrs>` or `</name>` at `lt` by hand (quotes respected), or `undefined` when the
// `<` starts no tag and is text.
function scanTag(html: string, lt: number): ScannedTag | undefined {
  const closing = html.charCodeAt(lt + 1) === 47;
  const start = closing ? lt + 2 : lt + 1;
  if (!isLetter(html.charCodeAt(start))) return undefined;
  let j = start + 1;
  const n = html.length;
  while (j < n && isNameChar(html.charCodeAt(j))) j++;
  const rawName = html.slice(start, j);
  if (html.charCodeAt(j) === 62)
    return { after: j + 1, closing, rawName, rawAttrs: '', selfClose: false };
  const attrsStart = j;
  // A tag longer than this is text with a stray `<`: bounding it keeps the scan linear.
  const limit = Math.min(n, j + 8192);
  for (; j < limit; j++) {
    const c = html.charCodeAt(j);
    if (c === 34 || c === 39) {
      // Skip the quoted value; unterminated within the limit, the `<` is text. Still linear: a
      // quote opens a value for one tag at most (a later tag starting before it would have been
      // cut short by its `<`), so the searches cover disjoint stretches.
      const close = html.indexOf(c === 34 ? '"' : "'", j + 1);
      if (close === -1 || close >= limit) return undefined;
      j = close;
    } else if (c === 62) {
      break;
    } else if (c === 60) {
      return undefined;
    }
  }
  if (j >= limit) return undefined;
  const selfClose = html.charCodeAt(j - 1) === 47;
  return {
    after: j + 1,
    closing,
    rawName,
    rawAttrs: html.slice(attrsStart, selfClose ? j - 1 : j),
    selfClose,
  };
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 58 || c === 45 || c === 46 || c === 95;
}

function closeTag(name: string, open: string[], out: string[]): void {
  const at = open.lastIndexOf(name);
  if (at === -1) return;
  while (open.length > at) out.push(END_TAG.get(open.pop() as string) as string);
}

function skipElement(html: string, from: number, name: string): number {
  const close = new RegExp(`</${name}\\s*>`, 'ig');
  close.lastIndex = from;
  const m = close.exec(html);
  return m ? m.index + m[0].length : html.length;
}

function sanitizeAttrs(raw: string, base: string | undefined): string {
  if (!raw) return '';
  const kept: string[] = [];
  const seen: string[] = [];
  const n = raw.length;
  let p = 0;
  // Reads `name`, `name=value`, `name="value"` or `name='value'` pairs as the regular expression
  // /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g would, by hand.
  while (p < n) {
    if (!isAttrNameChar(raw.charCodeAt(p))) {
      p++;
      continue;
    }
    const nameStart = p;
    while (p < n && isAttrNameChar(raw.charCodeAt(p))) p++;
    let name = raw.slice(nameStart, p);
    let rawValue = '';
    let q = p;
    while (q < n && isJsSpace(raw.charCodeAt(q))) q++;
    if (raw.charCodeAt(q) === 61 /* = */) {
      q++;
      while (q < n && isJsSpace(raw.charCodeAt(q))) q++;
      const c = raw.charCodeAt(q);
      if (c === 34 || c === 39) {
        const close = raw.indexOf(c === 34 ? '"' : "'", q + 1);
        if (close !== -1) {
          rawValue = raw.slice(q + 1, close);
          p = close + 1;
        }
      } else if (q < n && isUnquotedValueChar(c)) {
        const valueStart = q;
        while (q < n && isUnquotedValueChar(raw.charCodeAt(q))) q++;
        rawValue = raw.slice(valueStart, q);
        p = q;
      }
    }
    if (!ATTRS.has(name)) {
      name = name.toLowerCase();
      if (!ATTRS.has(name)) continue;
    }
    if (seen.includes(name)) continue;
    seen.push(name);
    let value: string | undefined = rawValue;
    if (URL_ATTRS.has(name)) {
      value = safeUrl(
        rawValue.indexOf('&') === -1 ? rawValue : decodeEntities(rawValue, QUIET),
        base,
      );
      if (value === undefined) continue;
      value = escapeHtml(value);
    } else if (/["<>]/.test(rawValue)) {
      value = rawValue.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    }
    kept.push(` ${name}="${value}"`);
  }
  // Sorted, as feedparser writes them: the same element always serialises the same way.
  return kept.length > 1 ? kept.sort().join('') : (kept[0] ?? '');
}

// `\s` of regular expressions: ASCII and Unicode white space, BOM included.
function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

// [^\s"'>/=]
function isAttrNameChar(c: number): boolean {
  return c !== 34 && c !== 39 && c !== 62 && c !== 47 && c !== 61 && !isJsSpace(c);
}

// [^\s"'=<>`]
function isUnquotedValueChar(c: number): boolean {
  return c !== 34 && c !== 39 && c !== 61 && c !== 60 && c !== 62 && c !== 96 && !isJsSpace(c);
}

/** `url` resolved against `base`, or `undefined` when its scheme could run code. */
function safeUrl(url: string, base: string | undefined): string | undefined {
  // Browsers ignore control characters and whitespace inside a scheme: strip them first.
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (scheme && !SAFE_SCHEME.test(compact)) return undefined;
  return resolveUrl(url.trim(), base);
}

function escapeText(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text
    .replace(/&#X/g, '&#x')
    .replace(/&(?!(?:#\d{1,8}|#x[\da-f]{1,8}|[a-z][a-z\d]{1,31});)/gi, '&amp;');
}
