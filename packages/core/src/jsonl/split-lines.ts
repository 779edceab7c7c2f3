import { Buffer, isUtf8 } from 'node:buffer';

/** One line of a JSON Lines source, with where it starts. */
export interface SourceLine {
  text: string;
  /** Byte offset of the line's first byte in the source (0 for text sources). */
  offset: number;
  /** Byte offset, within the line, of its first invalid UTF-8 byte; absent when valid. */
  invalidUtf8At?: number;
}

const NEWLINE = 0x0a;

/**
 * Splits a stream of bytes (or text) into lines, in constant memory. Byte lines are checked as
 * UTF-8 on their own: an invalid sequence is replaced by U+FFFD, as decoders do, and reported
 * through `invalidUtf8At`, so a reader can name the line and byte offset.
 * @example for await (const line of splitLines(stream)) console.log(line.offset, line.text)
 */
export async function* splitLines(
  chunks: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<SourceLine> {
  let pending: Buffer[] = [];
  let pendingText = '';
  let offset = 0;
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') {
      pendingText += chunk;
      const parts = pendingText.split('\n');
      pendingText = parts.pop() ?? '';
      for (const text of parts) yield { text: stripCr(text), offset: 0 };
      continue;
    }
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    let newline = bytes.indexOf(NEWLINE, start);
    while (newline !== -1) {
      pending.push(bytes.subarray(start, newline));
      const line = Buffer.concat(pending);
      pending = [];
      yield decodeLine(line, offset);
      offset += line.length + 1;
      start = newline + 1;
      newline = bytes.indexOf(NEWLINE, start);
    }
    if (start < bytes.length) pending.push(Buffer.from(bytes.subarray(start)));
  }
  if (pendingText !== '') yield { text: stripCr(pendingText), offset: 0 };
  const rest = Buffer.concat(pending);
  if (rest.length > 0) yield decodeLine(rest, offset);
}

function decodeLine(line: Buffer, offset: number): SourceLine {
  const text = stripCr(line.toString('utf8'));
  if (isUtf8(line)) return { text, offset };
  return { text, offset, invalidUtf8At: firstInvalidByte(line) };
}

/** Index of the first byte that does not begin or continue a valid UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const size = sequenceSize(bytes, i);
    if (size === 0) return i;
    i += size;
  }
  return bytes.length;
}

function sequenceSize(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  const size =
    lead < 0x80
      ? 1
      : lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
  if (size === 0) return 0;
  if (size > 1 && !isUtf8(bytes.subarray(i, i + size))) return 0;
  return size;
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
