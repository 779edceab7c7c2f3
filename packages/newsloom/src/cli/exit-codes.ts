import { isNewsloomError } from '@newsloom/core';

/**
 * Exit codes of the `newsloom` CLI (documented in docs/cli.md and `newsloom --help`).
 * @example process.exitCode = EXIT_CODES.usage
 */
export const EXIT_CODES = {
  /** Everything worked. */
  ok: 0,
  /** An unexpected internal error (a bug: please report it). */
  internal: 1,
  /** Bad command line: unknown command or option, missing or invalid option value. */
  usage: 2,
  /** Bad input: a missing or invalid file, config, feed or dataset; nothing configured. */
  input: 3,
  /** The store could not be opened or written (corrupt, locked, read-only, too new). */
  store: 4,
  /** Network: every feed failed to fetch, or every feed was refused by the SSRF guard. */
  network: 5,
  /** Storage: the disk is full or read-only (ENOSPC, EDQUOT, EROFS); the message names the path. */
  storage: 6,
  /** Interrupted (Ctrl-C); the store holds everything saved before. */
  interrupted: 130,
} as const;

/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

// Keyed by string: codes other packages add to core (STORAGE_FULL, STATE_CONFLICT) map here too.
const BY_ERROR_CODE: Record<string, ExitCode> = {
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
  STATE_CONFLICT: EXIT_CODES.store,
  STORAGE_FULL: EXIT_CODES.storage,
  ABORTED: EXIT_CODES.interrupted,
};

/** The errno codes of a full or read-only disk. */
const STORAGE_ERRNO = new Set(['ENOSPC', 'EDQUOT', 'EROFS']);

/**
 * The first error in `error`'s cause chain whose errno code says the disk is full or
 * read-only, with the path it was writing when Node gave one.
 * @example storageFailure(error)?.path
 */
export function storageFailure(error: unknown): { errno: string; path?: string } | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 8; depth++) {
    const { code, path } = e as NodeJS.ErrnoException;
    if (code && STORAGE_ERRNO.has(code))
      return { errno: code, ...(typeof path === 'string' && { path }) };
    e = e.cause;
  }
  return undefined;
}

/**
 * Runs `write`; when it fails for a full or read-only disk without naming a path (a failed
 * `write` does not), names `path` (the output being written) so the one-line error can.
 * @example await withOutputPath(out, () => writeDigest(edition, out))
 */
export async function withOutputPath<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const failure = storageFailure(error);
    if (failure && !failure.path) {
      let e: unknown = error;
      while (e instanceof Error && !STORAGE_ERRNO.has((e as NodeJS.ErrnoException).code ?? ''))
        e = e.cause;
      if (e instanceof Error) (e as NodeJS.ErrnoException).path = path;
    }
    throw error;
  }
}

/**
 * The exit code for anything thrown.
 * @example process.exitCode = exitCodeOf(error)
 */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof UsageError) return EXIT_CODES.usage;
  if (storageFailure(error)) return EXIT_CODES.storage;
  if (isNewsloomError(error)) return BY_ERROR_CODE[error.code] ?? EXIT_CODES.internal;
  return EXIT_CODES.internal;
}

/**
 * A command-line mistake: printed with a pointer to `--help`, exit code 2.
 * @example throw new UsageError('unknown command "frobnicate"')
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The command whose `--help` the message points to (default: `newsloom --help`). */
  command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}
