import type { LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent } from 'undici';

/** The addresses the SSRF guard checked for a host: the only ones a request may connect to. */
export interface PinnedHost {
  hostname: string;
  addresses: readonly string[];
}

/**
 * A `lookup` for `net.connect` that answers with the checked addresses only and never asks DNS
 * again, so an answer that changes between the check and the connection (DNS rebinding) is never
 * used. Any other host name fails, as an unknown name would.
 * @example net.connect({ host: 'example.com', port: 80, lookup: pinnedLookup(pinned) })
 */
function pinnedLookup(pinned: PinnedHost): LookupFunction {
  const all: LookupAddress[] = pinned.addresses.map((address) => ({
    address,
    family: isIP(address),
  }));
  return (hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const matching = all.filter((a) => !family || a.family === family);
    const first = matching[0];
    if (hostname.toLowerCase() !== pinned.hostname.toLowerCase() || !first) {
      const error: NodeJS.ErrnoException = new Error(
        `getaddrinfo ENOTFOUND ${hostname} (only ${pinned.hostname}, as checked, is connected to)`,
      );
      error.code = 'ENOTFOUND';
      return callback(error, '', 0);
    }
    if (options.all) callback(null, matching);
    else callback(null, first.address, first.family);
  };
}

/**
 * An undici dispatcher for one request whose connections go to the checked addresses of its
 * host (TLS still verifies the certificate against the host name). Destroy it when done.
 * @example await fetch(url, { dispatcher: pinnedDispatcher({ hostname, addresses }) })
 */
export function pinnedDispatcher(pinned: PinnedHost): Agent {
  return new Agent({ connect: { lookup: pinnedLookup(pinned) } });
}
