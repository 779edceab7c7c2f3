import { decodeEntities, escapeHtml } from '../xml/entities';
import { resolveUrl } from '../url/resolve-url';

const ALLOWED = new Set(
  ('a abbr acronym address area article aside audio b bdi bdo big blockquote br caption center cite ' +
    'code col colgroup dd del details dfn dir div dl dt em figcaption figure font footer h1 h2 h3 h4 ' +
    'h5 h6 header hr i img ins kbd li map mark nav ol p picture pre q rp rt ruby s samp section small ' +
    'source span strike strong sub summary sup table tbody td tfoot th thead time tr track tt u ul var video wbr')
    .split(' '),
);
// Dropped with everything inside them: their content is code, not prose.
const DROP_CONTENT = new Set(
  'script style applet iframe object embed noembed noframes frameset frame template svg math xml head title'.split(' '),
);
const VOID = new Set('area br col hr img source track wbr'.split(' '));
const ATTRS = new Set(
  ('abbr align alt axis border cellpadding cellspacing char charoff cite class clear color cols colspan ' +
    'controls coords datetime dir headers height href hreflang hspace id lang loop longdesc muted nowrap ' +
    'poster preload rel rev rows rowspan rules scope shape size span src start summary tabindex target ' +
    'title type usemap valign value vspace width xml:lang')
    .split(' '),
);
const URL_ATTRS = new Set(['href', 'src', 'cite', 'longdesc', 'poster', 'usemap']);
const SAFE_SCHEME = /^(?:(?:https?|mailto|ftp|tel|news|nntp|feed|magnet|irc|xmpp|urn):|data:image\/(?:png|gif|jpe?g|webp);)/i;
const TAG = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?|\s*\/(?!>))*)\s*(\/?)>/y;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

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
  let out = '';
  const open: string[] = [];
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out += escapeText(html.slice(i));
      break;
    }
    out += escapeText(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', lt)) {
      const end = html.indexOf(']]>', lt);
      out += escapeHtml(html.slice(lt + 9, end === -1 ? n : end));
      i = end === -1 ? n : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end === -1 ? n : end + 1;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    if (!m) {
      out += '&lt;';
      i = lt + 1;
      continue;
    }
    i = lt + m[0].length;
    const [, closing, rawName = '', rawAttrs = '', selfClose] = m;
    const name = rawName.toLowerCase().replace(/^[\w.-]+:/, '');
    if (closing) {
      out += closeTag(name, open);
    } else if (DROP_CONTENT.has(name)) {
      if (!selfClose) i = skipElement(html, i, name);
    } else if (ALLOWED.has(name)) {
      out += `<${name}${sanitizeAttrs(rawAttrs, options.base)}${VOID.has(name) ? ' /' : ''}>`;
      if (!VOID.has(name) && !selfClose) open.push(name);
      else if (!VOID.has(name)) out += `</${name}>`;
    }
  }
  for (let k = open.length - 1; k >= 0; k--) out += `</${open[k]}>`;
  return out;
}

function closeTag(name: string, open: string[]): string {
  const at = open.lastIndexOf(name);
  if (at === -1) return '';
  let out = '';
  while (open.length > at) out += `</${open.pop()}>`;
  return out;
}

function skipElement(html: string, from: number, name: string): number {
  const close = new RegExp(`</${name}\\s*>`, 'ig');
  close.lastIndex = from;
  const m = close.exec(html);
  return m ? m.index + m[0].length : html.length;
}

function sanitizeAttrs(raw: string, base: string | undefined): string {
  if (!raw) return '';
  let out = '';
  const seen = new Set<string>();
  for (const m of raw.matchAll(ATTR)) {
    const name = (m[1] ?? '').toLowerCase();
    if (!ATTRS.has(name) || seen.has(name)) continue;
    seen.add(name);
    let value = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '', { declared: new Map(), malformed: false, undeclared: false, budget: 0 });
    if (URL_ATTRS.has(name)) {
      const safe = safeUrl(value, base);
      if (safe === undefined) continue;
      value = safe;
    }
    out += ` ${name}="${escapeHtml(value)}"`;
  }
  return out;
}

/** `url` resolved against `base`, or `undefined` when its scheme could run code. */
export function safeUrl(url: string, base: string | undefined): string | undefined {
  // Browsers ignore control characters and whitespace inside a scheme: strip them first.
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (scheme && !SAFE_SCHEME.test(compact)) return undefined;
  return resolveUrl(url.trim(), base);
}

function escapeText(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(/&#X/g, '&#x').replace(/&(?!(?:#\d{1,8}|#x[\da-f]{1,8}|[a-z][a-z\d]{1,31});)/gi, '&amp;');
}
