// The attribute half of the allowlist sanitiser: which attributes of an allowed element survive,
// with what values. Kept apart from the tag scanner (sanitize-html.ts), which calls it once per
// distinct attribute string of a document (the results are cached there).
import { resolveUrl } from '../url/resolve-url';
import { decodeEntities, escapeHtml } from '../xml/entities';

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
// An absolute http(s) URL of printable ASCII only: nothing to strip, trim or resolve, so
// `safeUrl` would return it as it is (most links of a feed).
const PLAIN_HTTP_URL = /^https?:[\x21-\x7e]*$/i;

const QUIET = {
  declared: new Map<string, string>(),
  malformed: false,
  undeclared: false,
  budget: 0,
};

/**
 * The allowed attributes of the raw attribute string `raw` (what follows the tag name), each
 * written ` name="value"` and sorted by name, as feedparser writes them: URLs made safe and
 * absolute against `base`, other values escaped for a double-quoted attribute.
 */
export function sanitizeAttrs(raw: string, base: string | undefined): string {
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
    const value = attrValue(name, rawValue, base);
    if (value !== undefined) kept.push(` ${name}="${value}"`);
  }
  return kept.length > 1 ? kept.sort().join('') : (kept[0] ?? '');
}

// Attributes a clean tag may carry, for `isClean`: allowed ones, none a prefix of another (so
// sorting the written pairs sorts the names), grouped by first letter and ranked in sort order.
const CLEAN_NAMES =
  'align alt border class datetime dir height href id lang rel src target title type width'
    .split(' ')
    .filter((name) => ATTRS.has(name));
const CLEAN_BY_LETTER: string[][] = Array.from({ length: 26 }, (_, k) =>
  CLEAN_NAMES.filter((name) => name.charCodeAt(0) === 97 + k),
);

/**
 * Whether `html` between `from` and `to` is an attribute string that {@link sanitizeAttrs}
 * returns unchanged, read in place: ` name="value"` pairs of allowed lower-case names in sorted
 * order, values with nothing to escape, URLs absolute http(s) of printable ASCII without `&`.
 * False says nothing: the attributes are then sanitised in full.
 */
export function isClean(html: string, from: number, to: number): boolean {
  let p = from;
  let lastRank = -1;
  while (p < to) {
    if (html.charCodeAt(p) !== 32) return false;
    const name = cleanNameAt(html, p + 1);
    if (name === undefined) return false;
    const rank = CLEAN_NAMES.indexOf(name);
    if (rank <= lastRank) return false;
    lastRank = rank;
    const start = p + name.length + 3;
    const close = html.indexOf('"', start);
    if (close === -1 || close >= to) return false;
    if (!(URL_ATTRS.has(name) ? isPlainHttpUrl(html, start, close) : noMarkup(html, start, close)))
      return false;
    p = close + 1;
  }
  return p === to && lastRank !== -1;
}

// The clean attribute name followed by `="` at `at`, if any.
function cleanNameAt(html: string, at: number): string | undefined {
  const names = CLEAN_BY_LETTER[html.charCodeAt(at) - 97];
  if (names === undefined) return undefined;
  for (const name of names) {
    const eq = at + name.length;
    if (html.charCodeAt(eq) === 61 && html.charCodeAt(eq + 1) === 34 && html.startsWith(name, at))
      return name;
  }
  return undefined;
}

// What PLAIN_HTTP_URL accepts, without `&` (which would be decoded) or `<`, `>` (escaped).
function isPlainHttpUrl(html: string, from: number, to: number): boolean {
  // `| 32` lower-cases an ASCII letter (and maps nothing else onto one).
  let i = from;
  if ((html.charCodeAt(i++) | 32) !== 104 || (html.charCodeAt(i++) | 32) !== 116) return false;
  if ((html.charCodeAt(i++) | 32) !== 116 || (html.charCodeAt(i++) | 32) !== 112) return false;
  if ((html.charCodeAt(i) | 32) === 115) i++;
  if (html.charCodeAt(i++) !== 58 || i > to) return false;
  for (; i < to; i++) {
    const c = html.charCodeAt(i);
    if (c < 0x21 || c > 0x7e || c === 38 || c === 60 || c === 62) return false;
  }
  return true;
}

function noMarkup(html: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = html.charCodeAt(i);
    if (c === 60 || c === 62) return false;
  }
  return true;
}

// The value written for an allowed attribute, or `undefined` when the attribute is dropped.
function attrValue(name: string, rawValue: string, base: string | undefined): string | undefined {
  if (URL_ATTRS.has(name)) {
    const url = rawValue.indexOf('&') === -1 ? rawValue : decodeEntities(rawValue, QUIET);
    const safe = PLAIN_HTTP_URL.test(url) ? url : safeUrl(url, base);
    return safe === undefined ? undefined : escapeHtml(safe);
  }
  if (rawValue.indexOf('"') === -1 && rawValue.indexOf('<') === -1 && rawValue.indexOf('>') === -1)
    return rawValue;
  return rawValue.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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
