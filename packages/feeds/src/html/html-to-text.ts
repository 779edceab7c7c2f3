import { decodeHtmlEntities } from '../xml/entities';

const DROP = /<(script|style|template|noscript)\b[\s\S]*?<\/\1\s*>/gi;
const BLOCK =
  /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|blockquote|pre|section|article|header|footer|figure|figcaption|hr)\b[^>]*>/gi;
const TAG = /<!--[\s\S]*?-->|<\/?[A-Za-z][^<>]*>/g;
const HREF = /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const IMG = /<img\b[^<>]*>/gi;

/**
 * Plain text of an HTML fragment: scripts and styles dropped, block elements turned into line
 * breaks, tags stripped, entities decoded, runs of spaces collapsed.
 * @example htmlToText('<p>Hello&nbsp;<b>world</b></p><p>Bye</p>') // 'Hello world\nBye'
 */
export function htmlToText(html: string): string {
  if (html.indexOf('<') === -1 && html.indexOf('&') === -1) return html.replace(/\s+/g, ' ').trim();
  const stripped = html.replace(DROP, ' ').replace(BLOCK, '\n').replace(TAG, '');
  const text = decodeHtmlEntities(stripped);
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/**
 * The absolute http(s) targets of the links in an HTML fragment, in order, without repeats.
 * @example extractLinks('<a href="https://a.example/x">x</a>') // ['https://a.example/x']
 */
export function extractLinks(html: string): string[] {
  const links = new Set<string>();
  for (const m of html.matchAll(HREF)) {
    const href = decodeHtmlEntities(m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (/^https?:\/\//i.test(href)) links.add(href);
  }
  return [...links];
}

/**
 * The source of the first real `<img>` in an HTML fragment (absolute http(s); 1×1 tracking
 * pixels skipped).
 * @example firstImage('<img src="https://a.example/p.jpg">') // 'https://a.example/p.jpg'
 */
export function firstImage(html: string): string | undefined {
  for (const [tag] of html.matchAll(IMG)) {
    if (/\b(?:width|height)\s*=\s*["']?[01]["'\s/>]/i.test(tag)) continue;
    const m = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const src = (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').replace(/&amp;/g, '&').trim();
    if (/^https?:\/\//i.test(src)) return src;
  }
  return undefined;
}
