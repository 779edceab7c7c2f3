import { escapeHtml } from '../xml/entities';
import { isClean, sanitizeAttrs } from './sanitize-attrs';
import { ruleOf, type TagRule } from './tag-rules';

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
  const open: TagRule[] = [];
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
  for (let k = open.length - 1; k >= 0; k--) out.push((open[k] as TagRule).end);
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
  open: TagRule[],
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
  if (next === 47 /* / */) {
    // The usual end tag, `</name>` closing the innermost open element: matched in place.
    const top = open[open.length - 1];
    if (top !== undefined && html.startsWith(top.end, lt)) {
      open.pop();
      same = true;
      return lt + top.end.length;
    }
  }
  if (!scanTag(html, lt)) {
    out.push('&lt;');
    return lt + 1;
  }
  const after = tag.after;
  const rule = ruleOf(tag.rawName);
  if (tag.closing) closeTag(rule.name, open, out);
  else if (rule.dropContent) {
    if (!tag.selfClose) return skipElement(html, after, rule.name);
  } else if (rule.allowed) openTag(html, rule, out, open, base, attrCache);
  return after;
}

// Writes the allowed start tag just scanned (`tag`), or sets `same` when it stays as written.
function openTag(
  html: string,
  rule: TagRule,
  out: string[],
  open: TagRule[],
  base: string | undefined,
  attrCache: Map<string, string> | undefined,
): void {
  const { attrsStart, attrsEnd, selfClose } = tag;
  const isVoid = rule.isVoid;
  if (rule.asWritten && attrsEnd > attrsStart) {
    // Attributes already clean are kept as written, checked in place: no slice, no cache lookup.
    if (!isVoid && !selfClose && isClean(html, attrsStart, attrsEnd)) {
      same = true;
      open.push(rule);
      return;
    }
    if (isVoid && selfClose && html.charCodeAt(attrsEnd - 1) === 32) {
      same = isClean(html, attrsStart, attrsEnd - 1);
      if (same) return;
    }
  }
  const rawAttrs = html.slice(attrsStart, attrsEnd);
  let attrs = '';
  if (rawAttrs) {
    const cached = attrCache?.get(rawAttrs);
    if (cached !== undefined) attrs = cached;
    else {
      attrs = sanitizeAttrs(rawAttrs, base);
      if (attrCache && attrCache.size < MAX_CACHED_ATTRS) attrCache.set(rawAttrs, attrs);
    }
  }
  if (rule.asWritten) {
    // Written `<name attrs>` (`<name attrs />` when void) with the attributes already clean.
    if (isVoid) {
      same =
        selfClose &&
        rawAttrs.length === attrs.length + 1 &&
        rawAttrs.charCodeAt(attrs.length) === 32 &&
        rawAttrs.startsWith(attrs);
    } else if (!selfClose) same = rawAttrs === attrs;
    if (same) {
      if (!isVoid) open.push(rule);
      return;
    }
  }
  out.push(attrs ? `<${rule.name}${attrs}${isVoid ? ' /' : ''}>` : rule.start);
  if (!isVoid && !selfClose) open.push(rule);
  else if (!isVoid) out.push(rule.end);
}

// The tag `scanTag` read last: one record reused, not an object per tag.
const tag = { after: 0, closing: false, rawName: '', attrsStart: 0, attrsEnd: 0, selfClose: false };

// Reads `<name attrs>` or `</name>` at `lt` by hand (quotes respected) into `tag`; false when
// the `<` starts no tag and is text.
function scanTag(html: string, lt: number): boolean {
  const closing = html.charCodeAt(lt + 1) === 47;
  const start = closing ? lt + 2 : lt + 1;
  if (!isLetter(html.charCodeAt(start))) return false;
  let j = start + 1;
  const n = html.length;
  while (j < n && isNameChar(html.charCodeAt(j))) j++;
  tag.closing = closing;
  tag.rawName = html.slice(start, j);
  if (html.charCodeAt(j) === 62) {
    tag.after = j + 1;
    tag.attrsStart = tag.attrsEnd = j;
    tag.selfClose = false;
    return true;
  }
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
      if (close === -1 || close >= limit) return false;
      j = close;
    } else if (c === 62) {
      break;
    } else if (c === 60) {
      return false;
    }
  }
  if (j >= limit) return false;
  const selfClose = html.charCodeAt(j - 1) === 47;
  tag.after = j + 1;
  tag.attrsStart = attrsStart;
  tag.attrsEnd = selfClose ? j - 1 : j;
  tag.selfClose = selfClose;
  return true;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 58 || c === 45 || c === 46 || c === 95;
}

function closeTag(name: string, open: TagRule[], out: string[]): void {
  let at = open.length - 1;
  while (at >= 0 && (open[at] as TagRule).name !== name) at--;
  if (at === -1) return;
  while (open.length > at) out.push((open.pop() as TagRule).end);
}

function skipElement(html: string, from: number, name: string): number {
  const close = new RegExp(`</${name}\\s*>`, 'ig');
  close.lastIndex = from;
  const m = close.exec(html);
  return m ? m.index + m[0].length : html.length;
}

function escapeText(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text
    .replace(/&#X/g, '&#x')
    .replace(/&(?!(?:#\d{1,8}|#x[\da-f]{1,8}|[a-z][a-z\d]{1,31});)/gi, '&amp;');
}
