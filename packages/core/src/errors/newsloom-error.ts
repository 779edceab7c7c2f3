/**
 * Every code a {@link NewsloomError} can carry. A closed union: callers can switch on it.
 * Add new codes here (append only) when a package needs one.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'INVALID_ARTICLE',
  'INVALID_URL',
  'INVALID_JSONL',
  'NOT_A_FEED',
  'FEED_PARSE_ERROR',
  'INPUT_TOO_LARGE',
  'FETCH_FAILED',
  'BLOCKED_ADDRESS',
  'TIMEOUT',
  'ABORTED',
  'STORE_CORRUPT',
  'STORE_LOCKED',
  'STORE_READONLY',
  'STORE_TOO_NEW',
  'STORE_ERROR',
  'NOT_FOUND',
  'CONFIG_ERROR',
  'MODEL_OUTPUT_INVALID',
  'DATASET_MISSING',
  'INTERNAL',
  /** Another clusterer committed first: reload the pipeline state and retry. */
  'STATE_CONFLICT',
  /** The disk is full, over quota or read-only (ENOSPC, EDQUOT, EROFS); the message names the path. */
  'STORAGE_FULL',
] as const;

/** A {@link NewsloomError} code. */
export type NewsloomErrorCode = (typeof ERROR_CODES)[number];

/** Options of {@link NewsloomError}. */
export interface NewsloomErrorOptions {
  cause?: unknown;
  /** Structured context: the field, the file, the URL… */
  details?: Record<string, unknown>;
}

/**
 * The one error class of newsloom. Its message says what was wrong, where, and what to do;
 * `code` is machine-readable; `cause` keeps the underlying error.
 *
 * @example
 * ```ts
 * try { parseArticle(row) } catch (error) {
 *   if (error instanceof NewsloomError && error.code === 'INVALID_ARTICLE') console.warn(error.message)
 * }
 * ```
 */
export class NewsloomError extends Error {
  override readonly name = 'NewsloomError';
  readonly code: NewsloomErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: NewsloomErrorCode, message: string, options: NewsloomErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }

  /** Wraps anything thrown into a NewsloomError, keeping it as `cause`. */
  static from(thrown: unknown, code: NewsloomErrorCode = 'INTERNAL', context = ''): NewsloomError {
    if (thrown instanceof NewsloomError) return thrown;
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    return new NewsloomError(code, context ? `${context}: ${reason}` : reason, { cause: thrown });
  }
}

/** True when `value` is a {@link NewsloomError}, optionally of one code. */
export function isNewsloomError(value: unknown, code?: NewsloomErrorCode): value is NewsloomError {
  return value instanceof NewsloomError && (code === undefined || value.code === code);
}
