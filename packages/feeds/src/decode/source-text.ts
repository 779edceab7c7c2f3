// The text the XML tokenizer reads. Node 20 makes a string of a large UTF-8 document slowly: the
// decode itself, and above all the fresh memory pages of any string past 128 KB (the profile put
// a third of parseFeed's time there on the real feeds). Most of a feed is ASCII (markup, URLs,
// English text), so valid UTF-8 is read through Latin-1 "byte views" instead: one character per
// byte, no decoding, in windows of 64 KB that stay in V8's young generation. Every delimiter the
// tokenizer looks for is ASCII, so its offsets land on character boundaries; only the stretches
// it keeps (names, text, attribute values, raw inner XML) are decoded, and only when they hold
// non-ASCII bytes.
import { isAscii, transcode } from 'node:buffer';

/** Characters in a window of the byte view (below V8's 128 KB large-object threshold). */
const WINDOW = 64 * 1024;

const HIGH = /[\x80-\xff]/;

/**
 * A document's text for the tokenizer: a plain string, or UTF-8 bytes behind a byte view.
 * Offsets are into `view`, which the tokenizer scans a `window` at a time; `slice` gives the
 * decoded text of a stretch.
 * @example SourceText.of('<rss/>').slice(1, 4) // 'rss'
 */
export class SourceText {
  private decoded: string | undefined;
  private wholeView: string | undefined;

  private constructor(
    /** The text itself, or undefined for bytes (their view is made when first asked for). */
    text: string | undefined,
    /** Length of the decoded text in UTF-16 code units. */
    readonly length: number,
    private readonly bytes: Buffer | undefined,
    /** Start and end offsets of the runs of non-ASCII bytes, in order. */
    private readonly runs: number[],
    /** Whether decoded stretches hold C1 controls to replace (see `repairC1`). */
    private readonly c1: boolean,
    private readonly repairC1: (text: string) => string,
  ) {
    this.wholeView = text;
  }

  /** Length of what is scanned: characters of a string, bytes behind a view. */
  get scanLength(): number {
    return this.bytes === undefined ? this.length : this.bytes.length;
  }

  /**
   * The whole string scanned, offsets as in {@link slice}: the text, or one character per
   * byte. Made on first use for bytes (the rare paths: diagnostics, recovery searches).
   */
  get view(): string {
    this.wholeView ??= (this.bytes as Buffer).toString('latin1');
    return this.wholeView;
  }

  /**
   * The byte view from `from` to at least `minEnd`, and at least a window long (less at the
   * end). For plain text, the text itself (`from` must be 0).
   */
  window(from: number, minEnd: number): string {
    if (this.bytes === undefined) return this.view;
    const end = Math.min(this.bytes.length, Math.max(from + WINDOW, minEnd));
    return this.bytes.toString('latin1', from, end);
  }

  /** A plain string, scanned as it is. */
  static of(text: string): SourceText {
    return new SourceText(text, text.length, undefined, [], false, identity);
  }

  /**
   * Valid UTF-8 `bytes` behind a byte view, or `undefined` when most of them are not ASCII
   * (then decoding everything at once is cheaper). `repairC1` fixes the C1 controls of a
   * decoded stretch when `c1` is set, as the whole-text decode does.
   */
  static ofUtf8(
    bytes: Buffer,
    c1: boolean,
    repairC1: (text: string) => string,
  ): SourceText | undefined {
    const scan = isAscii(bytes) ? { runs: [], extra: 0 } : highRuns(bytes);
    if (!scan) return undefined;
    return new SourceText(undefined, bytes.length - scan.extra, bytes, scan.runs, c1, repairC1);
  }

  /** The first character of the decoded text that is not white space (`\s`), if any. */
  firstNonSpace(): string | undefined {
    const bytes = this.bytes;
    if (bytes !== undefined) {
      let i = 0;
      while (i < bytes.length && isAsciiSpace(bytes[i] as number)) i++;
      // A non-ASCII character may be white space too (U+00A0): the decoded text decides then.
      if (i === bytes.length) return undefined;
      if ((bytes[i] as number) < 0x80) return String.fromCharCode(bytes[i] as number);
    }
    const text = this.text();
    const at = text.search(/\S/);
    return at === -1 ? undefined : text[at];
  }

  /** The source offset of the first byte `byte` at or after `from`, or -1 (bytes only). */
  indexOfByte(byte: number, from: number): number {
    return this.bytes === undefined ? -1 : this.bytes.indexOf(byte, from);
  }

  /** The decoded text between view offsets `from` and `to`. */
  slice(from: number, to: number): string {
    if (this.bytes === undefined) return this.view.slice(from, to);
    if (this.hasHigh(from, to)) return this.decodeRange(from, to);
    return this.bytes.toString('latin1', from, to);
  }

  /** `raw`, the view between `from` and `to`, decoded when it holds non-ASCII bytes. */
  decodedOr(raw: string, from: number, to: number): string {
    if (this.bytes === undefined || !this.hasHigh(from, to)) return raw;
    return this.decodeRange(from, to);
  }

  /** A string cut from the view (a name kept for matching), decoded. */
  decodeView(raw: string): string {
    if (this.bytes === undefined || !HIGH.test(raw)) return raw;
    return this.repair(Buffer.from(raw, 'latin1').toString('utf8'));
  }

  /** The whole decoded text (for the rare paths that need all of it: errors, JSON). */
  text(): string {
    if (this.bytes === undefined) return this.view;
    this.decoded ??= this.runs.length === 0 ? this.view : this.repair(wholeUtf8(this.bytes));
    return this.decoded;
  }

  /**
   * The line (from 1) of each view offset in `offsets`, counted in one pass: bytes are counted
   * where they are, without the whole view.
   */
  linesAt(offsets: readonly number[]): number[] {
    const order = offsets
      .map((_, k) => k)
      .sort((a, b) => (offsets[a] as number) - (offsets[b] as number));
    const lines: number[] = new Array(offsets.length);
    let line = 1;
    let at = 0;
    for (const k of order) {
      const offset = offsets[k] as number;
      line +=
        this.bytes === undefined
          ? countLineFeeds(this.view, at, offset)
          : countByte(this.bytes, 10, at, offset);
      at = Math.max(at, offset);
      lines[k] = line;
    }
    return lines;
  }

  /** The UTF-16 offset in the decoded text of view offset `offset`. */
  charOffset(offset: number): number {
    if (this.bytes === undefined) return offset;
    let extra = 0;
    const runs = this.runs;
    for (let k = 0; k < runs.length && (runs[k] as number) < offset; k += 2) {
      const end = Math.min(runs[k + 1] as number, offset);
      for (let i = runs[k] as number; i < end; i++) extra += extraUnits(this.bytes[i] as number);
    }
    return offset - extra;
  }

  /** Whether non-ASCII bytes lie between view offsets `from` and `to`. */
  hasHigh(from: number, to: number): boolean {
    const runs = this.runs;
    if (runs.length === 0) return false;
    let lo = 0;
    let hi = runs.length >> 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((runs[2 * mid + 1] as number) <= from) lo = mid + 1;
      else hi = mid;
    }
    return lo < runs.length >> 1 && (runs[2 * lo] as number) < to;
  }

  /** The decoded text between view offsets `from` and `to`, non-ASCII bytes or not. */
  decodeRange(from: number, to: number): string {
    return this.repair((this.bytes as Buffer).toString('utf8', from, to));
  }

  private repair(text: string): string {
    return this.c1 ? this.repairC1(text) : text;
  }
}

function countLineFeeds(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function countByte(bytes: Buffer, byte: number, from: number, to: number): number {
  let count = 0;
  const end = Math.min(to, bytes.length);
  for (let i = from; i < end; i++) if (bytes[i] === byte) count++;
  return count;
}

// `\s` among ASCII characters.
function isAsciiSpace(byte: number): boolean {
  return byte === 32 || (byte >= 9 && byte <= 13);
}

function identity(text: string): string {
  return text;
}

// Bytes that add no UTF-16 unit of their own: continuation bytes count −1, and the lead byte of
// a four-byte sequence +1 (its character takes two units).
function extraUnits(byte: number): number {
  return (byte & 0xc0) === 0x80 ? 1 : byte >= 0xf0 ? -1 : 0;
}

// The runs of non-ASCII bytes, read a 32-bit word at a time over the ASCII stretches, and how
// many more bytes than UTF-16 units they hold; `undefined` past one non-ASCII byte in eight.
function highRuns(bytes: Buffer): { runs: number[]; extra: number } | undefined {
  const n = bytes.length;
  const limit = n >> 3;
  const runs: number[] = [];
  let extra = 0;
  let high = 0;
  const head = Math.min(n, (4 - (bytes.byteOffset & 3)) & 3);
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + head, (n - head) >> 2);
  let i = 0;
  while (i < n) {
    if (i >= head && ((i - head) & 3) === 0) {
      let w = (i - head) >> 2;
      while (w < words.length && ((words[w] as number) & 0x80808080) === 0) w++;
      i = head + w * 4;
      if (i >= n) break;
    }
    if ((bytes[i] as number) < 0x80) {
      i++;
      continue;
    }
    const start = i;
    for (let b = bytes[i] as number; i < n && b >= 0x80; b = bytes[++i] as number)
      extra += extraUnits(b);
    high += i - start;
    if (high > limit) return undefined;
    runs.push(start, i);
  }
  return { runs, extra };
}

/** UTF-8 `buffer` decoded whole. */
// Node 20's `toString('utf8')` is V8's own UTF-8 decoder; transcoding to UTF-16 (ICU) and copying
// that is faster for the same string. Past a few megabytes, the plain path needs no second buffer.
const MAX_TRANSCODED = 4 * 1024 * 1024;
export function wholeUtf8(buffer: Buffer): string {
  if (buffer.byteLength <= MAX_TRANSCODED && typeof transcode === 'function')
    return transcode(buffer, 'utf8', 'ucs2').toString('ucs2');
  return buffer.toString('utf8');
}
