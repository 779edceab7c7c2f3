import type { SourceText } from '../decode/source-text';
import type { EntityContext } from './entities';
import type { XmlDocument } from './xml-types';

const MAX_PROBLEMS = 50;

/** What a reader returns when its markup runs past the end of the window: read it again. */
export const NEED_MORE = -2;

/** Slots of the name cache (a power of two). */
const NAME_SLOTS = 512;

/** A tag or attribute name read from the window. */
export interface ReadName {
  /** As written in the window (the byte view for bytes), to match end tags. */
  raw: string;
  /** Decoded. */
  decoded: string;
  /** Decoded, lower-cased when it has ASCII capitals: the key of an attribute. */
  attr: string;
}

/**
 * The window of the source the XML tokenizer scans, and what it reports. Offsets given to and
 * returned by the tokenizer are local to the window (`s`); `base` maps them to the source.
 * Plain text is one window; bytes are scanned through windows of their byte view (see
 * SourceText), moved on when a token would run past the end. A reader that runs past the end
 * before the source ends returns {@link NEED_MORE} and is read again in a larger window; what
 * it reported meanwhile is rolled back (see {@link mark}).
 */
export class Scanner {
  protected readonly src: SourceText;
  /** The window being scanned. */
  protected s: string;
  /** Source offset of the window's first character. */
  protected base = 0;
  /** Whether the window reaches the end of the source. */
  protected atEnd: boolean;
  protected readonly doc: XmlDocument;
  protected readonly ctx: EntityContext;
  // Names seen in this document, by a hash of their characters: a document uses a few dozen
  // names thousands of times, and each is sliced and decoded once instead of every time. The
  // strings coming back are the same ones each time, so the maps they key have their hashes.
  private readonly names: (ReadName | undefined)[] = new Array(NAME_SLOTS);
  private readonly marked = { problems: 0, wellFormed: true, malformed: false, undeclared: false };
  private markedBudget = 0;

  constructor(src: SourceText) {
    this.src = src;
    this.s = src.window(0, 0);
    this.atEnd = this.s.length >= src.scanLength;
    this.doc = { root: undefined, doctype: undefined, wellFormed: true, problems: [] };
    this.ctx = {
      declared: new Map(),
      malformed: false,
      undeclared: false,
      budget: 1_000_000 + src.length * 2,
    };
  }

  /** Moves the window to start at local offset `from` and reach source offset `minEnd`. */
  protected rebase(from: number, minEnd: number): number {
    const start = this.base + from;
    this.s = this.src.window(start, minEnd);
    this.base = start;
    this.atEnd = start + this.s.length >= this.src.scanLength;
    return 0;
  }

  /** Moves the window to start at local offset `from` and hold the next `<` after it. */
  protected rebaseToNextTag(from: number): number {
    const next = this.src.indexOfByte(60, this.base + from);
    return this.rebase(from, next === -1 ? this.src.scanLength : next + 1024);
  }

  /** The decoded text between local offsets `from` and `to`. */
  protected cut(from: number, to: number): string {
    const start = this.base + from;
    const end = this.base + to;
    return this.src.hasHigh(start, end) ? this.src.decodeRange(start, end) : this.s.slice(from, to);
  }

  /** `raw`, the window between local offsets `from` and `to`, decoded. */
  protected decoded(raw: string, from: number, to: number): string {
    return this.src.decodedOr(raw, this.base + from, this.base + to);
  }

  /** The name between local offsets `from` and `to`, from the cache when it was seen before. */
  protected name(from: number, to: number): ReadName {
    const s = this.s;
    let h = to - from;
    for (let i = from; i < to; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
    const slot = h & (NAME_SLOTS - 1);
    const known = this.names[slot];
    if (known !== undefined && known.raw.length === to - from && s.startsWith(known.raw, from))
      return known;
    const raw = s.slice(from, to);
    const decoded = this.decoded(raw, from, to);
    const read = { raw, decoded, attr: /[A-Z]/.test(decoded) ? decoded.toLowerCase() : decoded };
    this.names[slot] = read;
    return read;
  }

  protected readonly cutter = (from: number, to: number): string => this.cut(from, to);

  protected readonly report = (message: string, offset: number): void =>
    this.problem(message, offset);

  /** Reports a repair at local offset `offset`. */
  protected problem(message: string, offset: number): void {
    this.problemAt(message, this.base + offset);
  }

  /** Reports a repair at source offset `offset`. */
  protected problemAt(message: string, offset: number): void {
    this.doc.wellFormed = false;
    if (this.doc.problems.length < MAX_PROBLEMS) this.doc.problems.push({ message, offset });
  }

  /** Remembers what a reader may report before it finds it needs more of the source. */
  protected mark(): void {
    this.marked.problems = this.doc.problems.length;
    this.marked.wellFormed = this.doc.wellFormed;
    this.marked.malformed = this.ctx.malformed;
    this.marked.undeclared = this.ctx.undeclared;
    this.markedBudget = this.ctx.budget;
  }

  /** Takes back what was reported since {@link mark}. */
  protected restore(): void {
    this.doc.problems.length = this.marked.problems;
    this.doc.wellFormed = this.marked.wellFormed;
    this.ctx.malformed = this.marked.malformed;
    this.ctx.undeclared = this.marked.undeclared;
    this.ctx.budget = this.markedBudget;
  }
}
