import { createReadStream } from 'node:fs';
import { NewsloomError } from '../errors/newsloom-error';
import type { Diagnostic } from '../model/diagnostic';
import { type SourceLine, splitLines } from './split-lines';

/** Where {@link readJsonl} reads from: a file path, or any stream of bytes or text. */
export type JsonlSource = string | AsyncIterable<Uint8Array | string>;

/** Options of {@link readJsonl}. */
export interface ReadJsonlOptions<T> {
  /** Turns each JSON value into a `T`; a throw becomes a diagnostic and the line is skipped. */
  parse?: (value: unknown, line: number) => T;
  /** Receives one diagnostic per bad line. Default: collected nowhere (lines are skipped). */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
  /** Name of the source in diagnostics. Default: the path, or `jsonl`. */
  subject?: string;
}

/**
 * Streams the records of a JSON Lines file or stream, line by line, in constant memory (it
 * reads multi-GB files). A line that is not JSON, or that `parse` rejects, becomes a diagnostic
 * naming the line number and field, and reading goes on. Blank lines are skipped.
 *
 * @example
 * const problems: Diagnostic[] = []
 * for await (const article of readJsonl('articles.jsonl', { parse: parseArticle, onDiagnostic: (d) => problems.push(d) })) {
 *   console.log(article.title)
 * }
 * @throws {NewsloomError} `NOT_FOUND` when the file does not exist.
 */
export async function* readJsonl<T = unknown>(
  source: JsonlSource,
  options: ReadJsonlOptions<T> = {},
): AsyncGenerator<T> {
  const subject = options.subject ?? (typeof source === 'string' ? source : 'jsonl');
  let lineNumber = 0;
  for await (const line of splitLines(openSource(source))) {
    lineNumber += 1;
    if (line.invalidUtf8At !== undefined) reportUtf8(options, subject, lineNumber, line);
    if (line.text.trim() === '') continue;
    const record = decodeLine(line.text, lineNumber, subject, options);
    if (record.ok) yield record.value;
  }
}

function reportUtf8<T>(
  options: ReadJsonlOptions<T>,
  subject: string,
  line: number,
  source: SourceLine,
): void {
  const column = source.invalidUtf8At ?? 0;
  const offset = source.offset + column;
  options.onDiagnostic?.({
    severity: 'warning',
    code: 'JSONL_INVALID_UTF8',
    message:
      `${subject}: line ${line} has invalid UTF-8 at byte offset ${offset} (byte ${column + 1} of ` +
      'the line); it was read with U+FFFD in its place — re-export the file as UTF-8 to keep the text',
    subject,
    location: { line, offset },
  });
}

type Decoded<T> = { ok: true; value: T } | { ok: false };

function decodeLine<T>(
  line: string,
  lineNumber: number,
  subject: string,
  options: ReadJsonlOptions<T>,
): Decoded<T> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (cause) {
    report(
      options,
      subject,
      lineNumber,
      `line ${lineNumber} is not valid JSON (${(cause as Error).message})`,
      cause,
    );
    return { ok: false };
  }
  if (!options.parse) return { ok: true, value: value as T };
  try {
    return { ok: true, value: options.parse(value, lineNumber) };
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const field = cause instanceof NewsloomError ? cause.details.field : undefined;
    report(options, subject, lineNumber, `line ${lineNumber}: ${reason}`, cause, field);
    return { ok: false };
  }
}

function report<T>(
  options: ReadJsonlOptions<T>,
  subject: string,
  line: number,
  message: string,
  cause: unknown,
  field?: unknown,
): void {
  options.onDiagnostic?.({
    severity: 'error',
    code: 'JSONL_INVALID_LINE',
    message: `${subject}: ${message}; the line was skipped`,
    subject,
    location: typeof field === 'string' ? { line, field } : { line },
    cause,
  });
}

function openSource(source: JsonlSource): AsyncIterable<Uint8Array | string> {
  if (typeof source !== 'string') return source;
  const stream = createReadStream(source, { highWaterMark: 1 << 20 });
  return (async function* () {
    try {
      for await (const chunk of stream) yield chunk as Uint8Array;
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        throw new NewsloomError('NOT_FOUND', `JSONL file not found: ${source}; check the path`, {
          cause,
        });
      }
      throw NewsloomError.from(cause, 'INVALID_JSONL', `Cannot read ${source}`);
    }
  })();
}
