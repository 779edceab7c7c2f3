import { describeZodIssues, NewsloomError } from '@newsloom/core';
import type { z } from 'zod';

/**
 * Parses stored JSON text with `schema`: rows read back are a trust boundary (another program
 * or an older version may have written them).
 * @throws {NewsloomError} `STORE_CORRUPT` naming the table and row.
 */
export function decodeRow<S extends z.ZodType>(
  schema: S,
  text: string,
  where: string,
  extra?: Record<string, unknown>,
): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw corrupt(where, 'is not JSON', cause);
  }
  if (extra !== undefined && typeof value === 'object' && value !== null) {
    value = { ...value, ...extra };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw corrupt(where, describeZodIssues(parsed.error), parsed.error);
  return parsed.data;
}

const KEYS: Record<string, string> = { summaries: 'story_id', quarantine: 'article_id' };

/** The working fix for a damaged row: the statement that removes it, and what to do next. */
function fixFor(where: string): string {
  if (where.startsWith('pipeline_state')) {
    return 'delete it (SQLite: DELETE FROM pipeline_state) and run "newsloom cluster": the stories are rebuilt with the same ids, or restore the database from a backup';
  }
  const [table = '', ...rest] = where.split(' ');
  const key = rest.join(' ').replaceAll("'", "''");
  const remove = `SQLite: DELETE FROM ${table} WHERE ${KEYS[table] ?? 'id'} = '${key}'`;
  const next =
    table === 'articles'
      ? 'then ingest the article again from its feed or file'
      : 'then re-run the step that wrote it';
  return `delete the row (${remove}), ${next}, or restore the database from a backup`;
}

function corrupt(where: string, problem: string, cause: unknown): NewsloomError {
  return new NewsloomError(
    'STORE_CORRUPT',
    `Stored row ${where} is invalid: ${problem}; it was written by another program or damaged — ${fixFor(where)}`,
    { cause, details: { where } },
  );
}

/** A `NewsloomError` for use of a store after `close()`. */
export function closedError(what: string): NewsloomError {
  return new NewsloomError(
    'STORE_ERROR',
    `${what} is closed; open a new store to keep reading or writing`,
  );
}
