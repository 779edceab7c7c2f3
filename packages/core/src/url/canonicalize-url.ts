import { NewsloomError } from '../errors/newsloom-error';

// Query parameters that only track the click, never change the page.
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gclsrc',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'hsctatracking',
  'igshid',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  'rb_clickid',
  's_cid',
  'ncid',
  'ocid',
  'cmpid',
  'smid',
  'smtyp',
  'ito',
  'ref_src',
  'ref_url',
  'ftag',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
  'cmp',
  'sr_share',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  'spm',
  'share',
  'amp',
  'outputtype',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'at_', 'ga_', 'ns_', 'icid'];
const INDEX_FILE = /\/(?:index|default)\.(?:html?|php|aspx?|shtml)$/i;
const AMP_CACHE_HOST = /\.cdn\.ampproject\.org$/i;

/**
 * The canonical form of a URL, used as an article's identity: lower-case scheme and host,
 * IDN as punycode, no `www.`, no default port, no fragment, no tracking parameters (`utm_*`,
 * `fbclid`, `gclid`, `mc_cid`…), the remaining query sorted, no trailing slash or `index.html`,
 * and AMP variants (`/amp/`, `.amp`, `?amp=1`, AMP cache URLs) folded into the plain page.
 * Idempotent: `canonicalizeUrl(canonicalizeUrl(u)) === canonicalizeUrl(u)`.
 *
 * @example
 * canonicalizeUrl('HTTPS://WWW.Example.com:443/news/story/amp/?utm_source=x&b=2&a=1#top')
 * // → 'https://example.com/news/story?a=1&b=2'
 * @throws {NewsloomError} `INVALID_URL` when `url` cannot be parsed.
 */
export function canonicalizeUrl(url: string): string {
  const parsed = parseUrl(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return parsed.href;
  const unwrapped = unwrapAmpCache(parsed) ?? parsed;
  unwrapped.hash = '';
  unwrapped.hostname = unwrapped.hostname.replace(/^(?:www\d?|amp)\./i, '').replace(/\.$/, '');
  unwrapped.pathname = canonicalPath(unwrapped.pathname);
  unwrapped.search = canonicalQuery(unwrapped.searchParams);
  const href = unwrapped.href;
  return unwrapped.pathname === '/' && !unwrapped.search ? href.replace(/\/$/, '') : href;
}

function parseUrl(url: string): URL {
  try {
    return new URL(url.trim());
  } catch (cause) {
    throw new NewsloomError(
      'INVALID_URL',
      `"${url}" is not an absolute URL; give a full URL such as https://example.com/story`,
      { cause, details: { url } },
    );
  }
}

// https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a → https://www.example.com/a
function unwrapAmpCache(url: URL): URL | undefined {
  if (!AMP_CACHE_HOST.test(url.hostname)) return undefined;
  const match = /^\/[a-z]\/(s\/)?(.+)$/i.exec(url.pathname);
  if (!match?.[2]) return undefined;
  try {
    return new URL(`${match[1] ? 'https' : 'http'}://${match[2]}${url.search}`);
  } catch {
    return undefined;
  }
}

function canonicalPath(path: string): string {
  let result = path.replace(/\/{2,}/g, '/');
  result = result.replace(INDEX_FILE, '/');
  result = result.replace(/\/amp\/?$/i, '/').replace(/\.amp(\.html?)?$/i, '$1');
  result = result.replace(/\.amp\/?$/i, '');
  if (result.length > 1) result = result.replace(/\/+$/, '');
  return result || '/';
}

function canonicalQuery(params: URLSearchParams): string {
  const kept = [...params].filter(([key]) => !isTrackingParam(key.toLowerCase()));
  kept.sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)));
  return kept.length === 0 ? '' : `?${new URLSearchParams(kept).toString()}`;
}

function isTrackingParam(key: string): boolean {
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
