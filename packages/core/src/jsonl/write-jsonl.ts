import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';

/** A streaming JSON Lines writer. */
export interface JsonlWriter {
  /** Writes one record; resolves when the stream can take more (backpressure). */
  write(value: unknown): Promise<void>;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

/**
 * Opens a JSON Lines file for streaming writes, one record a line.
 * @example
 * const writer = createJsonlWriter('out.jsonl'); await writer.write(article); await writer.close()
 */
export function createJsonlWriter(path: string, options: { append?: boolean } = {}): JsonlWriter {
  const stream: WriteStream = createWriteStream(path, { flags: options.append ? 'a' : 'w' });
  return {
    async write(value) {
      if (!stream.write(`${JSON.stringify(value)}\n`)) await once(stream, 'drain');
    },
    async close() {
      stream.end();
      await once(stream, 'finish');
    },
  };
}

/**
 * Serialises values to JSON Lines text.
 * @example stringifyJsonl([{ a: 1 }, { a: 2 }]) // '{"a":1}\n{"a":2}\n'
 */
export function stringifyJsonl(values: Iterable<unknown>): string {
  let text = '';
  for (const value of values) text += `${JSON.stringify(value)}\n`;
  return text;
}
