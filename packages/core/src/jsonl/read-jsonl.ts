import { createReadStream } from 'node:fs';
import { NewsloomError } from '../errors/newsloom-error';
import type { Diagnostic } from '../model/diagnostic';

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
    if (line.trim() === '') continue;
    const record = decodeLine(line, lineNumber, subject, options);
    if (record.ok) yield record.value;
  }
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

async function* splitLines(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  for await (const chunk of chunks) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    let newline = pending.indexOf('\n', start);
    while (newline !== -1) {
      yield stripCr(pending.slice(start, newline));
      start = newline + 1;
      newline = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
  }
  pending += decoder.decode();
  if (pending !== '') yield stripCr(pending);
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
