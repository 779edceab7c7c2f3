import { isNewsloomError, type NewsloomErrorCode } from '@newsloom/core';

/**
 * Exit codes of the `newsloom` CLI (documented in the README and `newsloom --help`).
 * @example process.exitCode = EXIT_CODES.usage
 */
export const EXIT_CODES = {
  /** Everything worked. */
  ok: 0,
  /** An unexpected internal error (a bug: please report it). */
  internal: 1,
  /** Bad command line: unknown command or option, missing value. */
  usage: 2,
  /** Bad input: a missing or invalid file, config, feed or dataset. */
  input: 3,
  /** The store could not be opened or written (corrupt, locked, read-only, too new). */
  store: 4,
  /** Network: every feed failed to fetch, or a fetch timed out or was blocked. */
  network: 5,
  /** Interrupted (Ctrl-C); the store holds everything saved before. */
  interrupted: 130,
} as const;

/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

const BY_ERROR_CODE: Partial<Record<NewsloomErrorCode, ExitCode>> = {
  INVALID_INPUT: EXIT_CODES.input,
  INVALID_ARTICLE: EXIT_CODES.input,
  INVALID_URL: EXIT_CODES.input,
  INVALID_JSONL: EXIT_CODES.input,
  NOT_A_FEED: EXIT_CODES.input,
  FEED_PARSE_ERROR: EXIT_CODES.input,
  INPUT_TOO_LARGE: EXIT_CODES.input,
  NOT_FOUND: EXIT_CODES.input,
  CONFIG_ERROR: EXIT_CODES.input,
  DATASET_MISSING: EXIT_CODES.input,
  MODEL_OUTPUT_INVALID: EXIT_CODES.input,
  FETCH_FAILED: EXIT_CODES.network,
  BLOCKED_ADDRESS: EXIT_CODES.network,
  TIMEOUT: EXIT_CODES.network,
  STORE_CORRUPT: EXIT_CODES.store,
  STORE_LOCKED: EXIT_CODES.store,
  STORE_READONLY: EXIT_CODES.store,
  STORE_TOO_NEW: EXIT_CODES.store,
  STORE_ERROR: EXIT_CODES.store,
  ABORTED: EXIT_CODES.interrupted,
};

/**
 * The exit code for anything thrown.
 * @example process.exitCode = exitCodeOf(error)
 */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof UsageError) return EXIT_CODES.usage;
  if (isNewsloomError(error)) return BY_ERROR_CODE[error.code] ?? EXIT_CODES.internal;
  return EXIT_CODES.internal;
}

/**
 * A command-line mistake: printed with a pointer to `--help`, exit code 2.
 * @example throw new UsageError('unknown command "frobnicate"')
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
