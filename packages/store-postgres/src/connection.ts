import { NewsloomError } from '@newsloom/core';
import pg from 'pg';

/** Anything that runs a query: the pool or one client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | pg.ClientBase;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Advisory lock ids of one store: the first key is the schema's hash, so stores in different
 * schemas of one database never block each other.
 */
export const LOCKS = { migrate: 1, ingest: 2, state: 3, clusterer: 4 } as const;

/** Checks a schema name (lower-case identifier): it is put into SQL unquoted. */
export function checkSchema(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new NewsloomError(
      'CONFIG_ERROR',
      `Invalid PostgreSQL schema name ${JSON.stringify(schema)}: use lower-case letters, digits ` +
        'and _ (not starting with a digit, at most 63 characters), e.g. "newsloom"',
      { details: { schema } },
    );
  }
  return schema;
}

/**
 * Splits a `postgres://` URL into the connection string pg receives and the newsloom
 * `schema` query parameter (removed, so the server never sees it).
 * @example splitUrl('postgres://u@h/db?schema=news') // { connectionString: 'postgres://u@h/db', schema: 'news' }
 */
export function splitUrl(url: string): { connectionString: string; schema: string | undefined } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw badUrl(url, cause);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') throw badUrl(url);
  const schema = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  return { connectionString: parsed.toString(), schema };
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<invalid URL>';
  }
}

function badUrl(url: string, cause?: unknown): NewsloomError {
  return new NewsloomError(
    'CONFIG_ERROR',
    `Invalid PostgreSQL URL ${redact(url)}: expected postgres://user[:password]@host[:port]/database` +
      '[?schema=name]',
    { cause, details: { url: redact(url) } },
  );
}

/** A pool whose connections all use `schema` as their search path. */
export function createPool(connectionString: string, schema: string, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    options: `-c search_path=${schema}`,
    application_name: 'newsloom',
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => undefined);
  return pool;
}

/** Runs `work` in one transaction on one client; rolls back on any error. */
export async function withTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (thrown) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw thrown;
  } finally {
    client.release();
  }
}

/** Takes a transaction-level advisory lock of `schema` (released at COMMIT or ROLLBACK). */
export async function lockTransaction(
  client: Queryable,
  schema: string,
  lock: number,
): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1), $2)', [schema, lock]);
}

/** SQL statements as one simple-protocol query (empty ones left out). */
export function joinSql(...statements: string[]): string {
  return statements.filter((statement) => statement.trim() !== '').join(';\n');
}

/**
 * A string literal for SQL text, dollar-quoted with a tag the text does not contain: the
 * server takes what is between the tags as it is, so nothing is escaped (pg's `escapeLiteral`
 * appends character by character, and on a batch's megabyte of article JSON that cost more
 * than the rest of the write). The text must not hold a NUL character (no SQL text can).
 * @example literal("it's") // $n$it's$n$
 */
export function literal(text: string): string {
  let tag = '$n$';
  for (let n = 0; closesEarly(text, tag); n += 1) tag = `$n${n}$`;
  return `${tag}${text}${tag}`;
}

/**
 * Whether the server would end the string before the closing `tag`: at the tag inside the
 * text, or at one that starts in the text's last characters (`…$n` then `$n$` reads `$n$`
 * first). A tag `$x$` overlaps itself only by its first `$`, so that is the only other case.
 */
function closesEarly(text: string, tag: string): boolean {
  return text.includes(tag) || text.endsWith(tag.slice(0, -1));
}

/** A JSON literal of `value` for SQL text. */
export function json(value: unknown): string {
  return `${literal(JSON.stringify(value))}::json`;
}
