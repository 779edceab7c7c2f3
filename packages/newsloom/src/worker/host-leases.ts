import { setTimeout as sleep } from 'node:timers/promises';
import type { Fetch } from '@newsloom/core';
import type pg from 'pg';

/** Politeness settings shared by every worker of a deployment. */
export interface PolitenessOptions {
  /** Minimum time between the end of one request to a host and the start of the next. */
  hostIntervalMs: number;
  /** Longest a worker may hold a host; a dead worker's lease ends after it. */
  leaseMs: number;
  /** Largest response body buffered while the host is held. Default: 16 MiB. */
  maxBodyBytes?: number;
}

/** The host a URL's politeness is counted against (lower-case hostname). */
export function hostKey(url: string | URL): string {
  return new URL(url).hostname.toLowerCase();
}

/**
 * The one rule of a host lease, as SQL: an upsert of the host's row that takes the lease for
 * `holder` (no live holder, and `next_allowed_at` reached), from `source` rows with columns
 * `host`, `holder` and `lease_ms` (one row, or none to take nothing). Returns `host` when taken.
 * @example leaseUpsertSql('(SELECT $1::text AS host, $2::text AS holder, $3::float8 AS lease_ms) s')
 */
export function leaseUpsertSql(source: string): string {
  return `INSERT INTO host_leases AS h (host, holder, leased_until, requests)
    SELECT s.host, s.holder, clock_timestamp() + s.lease_ms * interval '1 millisecond', 1
    FROM ${source}
    ON CONFLICT (host) DO UPDATE SET holder = excluded.holder,
      leased_until = excluded.leased_until, requests = h.requests + 1
    WHERE (h.holder IS NULL OR h.leased_until < clock_timestamp())
      AND h.next_allowed_at <= clock_timestamp()
    RETURNING h.host`;
}

/**
 * How long (ms) to wait before asking for `host_leases` row `row` again when its lease was not
 * taken: until `next_allowed_at`, or 25 ms while someone holds it.
 */
export function leaseWaitSql(row: string): string {
  return `GREATEST(0, extract(epoch FROM (${row}.next_allowed_at - clock_timestamp())) * 1000,
    CASE WHEN ${row}.holder IS NULL THEN 0 ELSE 25 END)::float8`;
}

/** The wait (ms) before trying a host again, from a lease statement's answer. */
export function waitBeforeRetry(taken: boolean, waitMs: number | null | undefined): number {
  return taken ? 0 : Math.max(5, waitMs ?? 25);
}

/**
 * Cluster-wide host leases in the store's `host_leases` table: a worker may send a request to
 * a host only while it holds the host's lease, which it takes with one conditional upsert (no
 * holder or an expired one, and `next_allowed_at` reached), so two workers never hold a host
 * at once. Releasing sets `next_allowed_at` to now + the interval, or later after Retry-After.
 */
export function createHostLeases(pool: pg.Pool, workerId: string, options: PolitenessOptions) {
  const takeSql = `WITH taken AS (${leaseUpsertSql(
    '(SELECT $1::text AS host, $2::text AS holder, $3::float8 AS lease_ms) s',
  )})
    SELECT EXISTS (SELECT 1 FROM taken) AS taken,
      (SELECT ${leaseWaitSql('l')} FROM host_leases l WHERE l.host = $1) AS wait_ms`;
  /** Takes the lease when free; otherwise returns how long to wait (ms) before trying again. */
  async function tryAcquire(host: string): Promise<number> {
    const result = await pool.query<{ taken: boolean; wait_ms: number | null }>(takeSql, [
      host,
      workerId,
      options.leaseMs,
    ]);
    const row = result.rows[0];
    return waitBeforeRetry(row?.taken === true, row?.wait_ms);
  }
  return {
    tryAcquire,
    /** Waits until this worker holds `host` (or `signal` aborts). */
    async acquire(host: string, signal?: AbortSignal): Promise<void> {
      for (;;) {
        const wait = await tryAcquire(host);
        if (wait === 0) return;
        await sleep(Math.min(wait, 250), undefined, { signal });
      }
    },
    /** Ends this worker's lease; the host is free again after the interval (or `notBeforeMs`). */
    async release(host: string, notBeforeMs = 0): Promise<void> {
      const delay = Math.max(options.hostIntervalMs, notBeforeMs);
      await pool.query(
        `UPDATE host_leases SET holder = NULL, leased_until = NULL,
           next_allowed_at = GREATEST(next_allowed_at, clock_timestamp() + $3 * interval '1 millisecond')
         WHERE host = $1 AND holder = $2`,
        [host, workerId, delay],
      );
    },
  };
}

/** The lease functions of one worker. */
export type HostLeases = ReturnType<typeof createHostLeases>;

/**
 * Wraps `base` so every request holds its host's cluster-wide lease from before it is sent
 * until its body is fully read (the body is buffered, at most `maxBodyBytes`), and a 429 or
 * 503 with Retry-After keeps the host closed for every worker until then.
 * `held.host` is a host the caller already leased for the first request.
 * @example const fetch = politeFetch(globalThis.fetch, leases, options, { host: 'example.com' })
 */
export function politeFetch(
  base: Fetch,
  leases: HostLeases,
  options: PolitenessOptions,
  held?: { host: string | undefined; signal?: AbortSignal | undefined },
): Fetch {
  const maxBytes = options.maxBodyBytes ?? 16 * 1024 * 1024;
  return async (input, init) => {
    const host = hostKey(input);
    // The first request to a host the caller already leased uses that lease.
    if (held?.host === host) held.host = undefined;
    else await leases.acquire(host, held?.signal);
    let retryAfterMs = 0;
    try {
      const response = await base(input, init);
      const body = await readCapped(response, maxBytes);
      if (response.status === 429 || response.status === 503) {
        retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), Date.now());
      }
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } finally {
      await leases.release(host, retryAfterMs);
    }
  };
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (response.body === null || response.status === 204 || response.status === 304) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    // One byte past the cap is kept so the feeds package's own size check refuses it.
    if (size > maxBytes) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks);
}

/** Retry-After in ms (seconds or an HTTP date), capped at one day; 0 when absent or bad. */
export function parseRetryAfterMs(value: string | null, now: number): number {
  if (value === null) return 0;
  const seconds = Number(value.trim());
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(0, ms), 86_400_000) : 0;
}
