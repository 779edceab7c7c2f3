import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { NewsloomError } from '@newsloom/core';
import type { PinnedHost } from './pinned-dispatcher';

/** Resolves a host name to IP addresses (the DNS port of the SSRF guard). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

/** The system resolver. */
const systemResolveHost: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

const BLOCKED_HOSTS =
  /^(?:localhost|.*\.localhost|metadata\.google\.internal|metadata|instance-data)\.?$/i;

/**
 * Refuses URLs a feed fetcher must not reach: schemes other than http(s), and (unless
 * `allowPrivate`) hosts that are or resolve to loopback, private, link-local, CGNAT, unique-local
 * or cloud-metadata addresses. Returns the addresses it checked for a host name, which the
 * request must connect to (see `pinnedDispatcher`); nothing when there is nothing to pin (an IP
 * literal, or private addresses allowed).
 * @example await assertFetchable(new URL('http://169.254.169.254/'), { allowPrivate: false }) // throws BLOCKED_ADDRESS
 * @throws {NewsloomError} `BLOCKED_ADDRESS` for a refused URL, `FETCH_FAILED` when the host does not resolve.
 */
export async function assertFetchable(
  url: URL,
  options: { allowPrivate: boolean; resolveHost?: ResolveHost | undefined },
): Promise<PinnedHost | undefined> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NewsloomError(
      'BLOCKED_ADDRESS',
      `Refusing to fetch ${url.protocol} URL ${url.href}: only http and https feeds are fetched (file: needs allowFileUrls).`,
      { details: { url: url.href } },
    );
  }
  if (options.allowPrivate) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (BLOCKED_HOSTS.test(host)) throw blocked(url, host);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await (options.resolveHost ?? systemResolveHost)(host);
    } catch (cause) {
      throw new NewsloomError(
        'FETCH_FAILED',
        `Cannot resolve host ${host} of ${url.href}: check the feed URL.`,
        { cause, details: { url: url.href } },
      );
    }
  }
  const bad = addresses.find(isPrivateAddress);
  if (bad !== undefined || addresses.length === 0) throw blocked(url, bad ?? host);
  return isIP(host) ? undefined : { hostname: host, addresses };
}

function blocked(url: URL, address: string): NewsloomError {
  return new NewsloomError(
    'BLOCKED_ADDRESS',
    `Refusing to fetch ${url.href}: ${address} is a loopback, private, link-local or metadata address. Pass allowPrivateNetwork: true for intranet feeds or tests.`,
    { details: { url: url.href, address } },
  );
}

/**
 * True for addresses a public feed never lives at: loopback, RFC 1918 private, link-local
 * (including 169.254.169.254 cloud metadata), CGNAT, "this network", multicast and reserved,
 * and their IPv6 counterparts (::1, fc00::/7, fe80::/10, IPv4-mapped).
 * @example isPrivateAddress('10.1.2.3') // true
 */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return isPrivateAddress(mapped[1]);
  if (isIP(address) === 4) {
    const [a = 0, b = 0] = address.split('.').map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      a >= 224 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 192 && b === 0) ||
      (a === 198 && (b === 18 || b === 19))
    );
  }
  const lower = address.toLowerCase();
  return (
    lower === '::1' ||
    lower === '::' ||
    /^f[cd]/.test(lower) ||
    /^fe[89ab]/.test(lower) ||
    /^ff/.test(lower)
  );
}
