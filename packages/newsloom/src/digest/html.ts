// Small HTML helpers. Everything that came from a feed passes through `escapeHtml` or
// `safeHref` before it reaches a page: the digest never emits markup it did not write itself.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for use in HTML text and quoted attribute values.
 * @example escapeHtml('<script>') === '&lt;script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * An escaped href for a link taken from a feed: only absolute http(s) URLs are linked;
 * anything else (`javascript:`, `data:`, relative paths) gives `undefined`.
 * @example safeHref('javascript:alert(1)') === undefined
 */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return escapeHtml(parsed.href);
  } catch {
    return undefined;
  }
}

/**
 * An external link, or the escaped text alone when the URL is not a safe http(s) URL.
 * @example externalLink('https://bbc.co.uk/x', 'BBC <b>') // '<a href="https://bbc.co.uk/x" …>BBC &lt;b&gt;</a>'
 */
export function externalLink(url: string | undefined, text: string): string {
  const href = safeHref(url);
  const label = escapeHtml(text);
  return href ? `<a href="${href}" rel="noopener noreferrer nofollow">${label}</a>` : label;
}

/**
 * A readable UTC time from an ISO timestamp, without reading the clock:
 * `2021-04-22T14:00:00Z` → `2021-04-22 14:00 UTC`.
 * @example formatTime('2021-04-22T14:00:00Z') // '2021-04-22 14:00 UTC'
 */
export function formatTime(iso: string | undefined): string {
  if (!iso) return 'never';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

/**
 * A number with at most `digits` decimals, trailing zeros dropped.
 * @example formatNumber(0.123456) // '0.123'
 */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toFixed(digits)));
}

/**
 * `1 article` / `2 articles`.
 * @example plural(1, 'story', 'stories') // '1 story'
 */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}
