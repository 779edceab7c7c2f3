import { isAscii as isAsciiBuffer, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { fromCodePoint } from '../xml/entities';
import { guessLegacyEncoding } from './guess-encoding';
import { SourceText, wholeUtf8 } from './source-text';
import { decodeWindows1252 } from './windows-1252';

/** The text of a feed and how it was decoded. */
export interface DecodedInput {
  text: string;
  /** Lower-case charset actually used. */
  encoding: string;
  /** Problems met while decoding (bad bytes, unknown or overridden charset). */
  problems: string[];
}

const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'utf-16': 'utf-16be',
  utf16: 'utf-16be',
  'utf-32': 'utf-32be',
  utf32: 'utf-32be',
  latin1: 'iso-8859-1',
  'iso8859-1': 'iso-8859-1',
  'iso_8859-1': 'iso-8859-1',
  cp1252: 'windows-1252',
  ascii: 'us-ascii',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  sjis: 'shift_jis',
  'shift-jis': 'shift_jis',
  'x-sjis': 'shift_jis',
  euc_jp: 'euc-jp',
  'x-euc-jp': 'euc-jp',
};
const SINGLE_BYTE_WEST = new Set(['windows-1252', 'iso-8859-1', 'us-ascii']);

/**
 * The charset parameter of a Content-Type, lower-case, or `undefined`.
 * @example charsetOf("text/xml; charset='UTF-8'") // 'utf-8'
 */
function charsetOf(contentType: string | undefined): string | undefined {
  const match = contentType ? /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType) : null;
  return match?.[1] ? normalizeCharset(match[1]) : undefined;
}

/** The canonical lower-case name of a charset label (`UTF8` → `utf-8`, `gb2312` → `gb18030`). */
export function normalizeCharset(label: string): string {
  const lower = label.trim().toLowerCase();
  return ALIASES[lower] ?? lower;
}

/**
 * Decodes feed bytes: BOM, then the HTTP charset, then the XML declaration, then UTF-8, as
 * RFC 7303 orders them. Text types without a charset that hold only ASCII report `us-ascii`
 * (RFC 3023's default). Invalid UTF-8 falls back to Windows-1252 and says so.
 * @example decodeInput(new TextEncoder().encode('<rss/>')).encoding // 'utf-8'
 */
export function decodeInput(bytes: Uint8Array, contentType?: string): DecodedInput {
  const { body, encoding } = chooseEncoding(bytes, contentType);
  return decodeWith(body, encoding, []);
}

/** What {@link decodeSource} gives: the text to tokenize, and how it was decoded. */
interface DecodedSource {
  source: SourceText;
  encoding: string;
  problems: string[];
}

/**
 * {@link decodeInput} for the tokenizer: valid UTF-8 that is mostly ASCII stays behind a byte
 * view (see SourceText) instead of being decoded whole; everything else is decoded as usual.
 * @example decodeSource(new TextEncoder().encode('<rss>é</rss>')).source.slice(5, 7) // 'é'
 */
export function decodeSource(bytes: Uint8Array, contentType?: string): DecodedSource {
  const { body, encoding } = chooseEncoding(bytes, contentType);
  if (encoding === 'utf-8') {
    const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    if (isUtf8(buffer)) {
      const source = SourceText.ofUtf8(buffer, hasC1(buffer), demoronize);
      if (source) return { source, encoding, problems: [] };
    }
  }
  const { text, encoding: used, problems } = decodeWith(body, encoding, []);
  return { source: SourceText.of(text), encoding: used, problems };
}

// BOM, then the HTTP charset, then the XML declaration, then UTF-8 (RFC 7303's order).
function chooseEncoding(
  bytes: Uint8Array,
  contentType: string | undefined,
): { body: Uint8Array; encoding: string } {
  const sniffed = sniffBom(bytes);
  const http = charsetOf(contentType);
  const declared = sniffed ? undefined : declaredEncoding(bytes);
  let encoding = sniffed?.encoding ?? http ?? declared ?? 'utf-8';
  if (!sniffed && !http && isTextMediaType(contentType) && isAscii(bytes)) encoding = 'us-ascii';
  if (encoding.startsWith('utf-16') || encoding.startsWith('utf-32')) {
    if (!sniffed && !looksWide(bytes)) encoding = 'utf-8';
  }
  return { body: sniffed ? bytes.subarray(sniffed.skip) : bytes, encoding };
}

function decodeWith(bytes: Uint8Array, encoding: string, problems: string[]): DecodedInput {
  if (encoding === 'utf-8') {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (isUtf8(buffer)) {
      const text = decodeUtf8(buffer);
      // U+0080–U+009F are encoded C2 80–C2 9F: only look for them when a C2 byte exists.
      return { text: hasC1(buffer) ? demoronize(text) : text, encoding, problems };
    }
    const guessed = guessLegacyEncoding(buffer);
    if (guessed) {
      problems.push(
        `The bytes are not valid UTF-8; they look like ${guessed} and were decoded as such.`,
      );
      return decodeWith(bytes, guessed, problems);
    }
    problems.push('The bytes are not valid UTF-8; decoded as windows-1252 instead.');
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', problems };
  }
  if (SINGLE_BYTE_WEST.has(encoding)) {
    if (encoding === 'us-ascii' && !isAscii(bytes))
      problems.push('us-ascii text holds non-ASCII bytes.');
    return { text: decodeWindows1252(bytes), encoding, problems };
  }
  const iconvName = encoding.replace(/^utf-(16|32)(le|be)$/, 'utf$1$2');
  if (iconv.encodingExists(iconvName)) {
    const text = iconv.decode(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      iconvName,
    );
    if (text.includes('\ufffd')) problems.push(`Some bytes are not valid ${encoding}.`);
    return { text: demoronize(text.replace(/^\ufeff/, '')), encoding, problems };
  }
  problems.push(`Unknown charset "${encoding}"; decoded as UTF-8.`);
  const fallback = decodeWith(bytes, 'utf-8', problems);
  return fallback;
}

// ASCII is copied as Latin-1, the cheapest string there is.
function decodeUtf8(buffer: Buffer): string {
  return isAsciiBuffer(buffer) ? buffer.toString('latin1') : wholeUtf8(buffer);
}

/**
 * Replaces C1 control characters (U+0080–U+009F) by the Windows-1252 characters their authors
 * meant (’ “ ” – …): they come from Windows-1252 text mislabelled as Latin-1 or re-encoded.
 * @example demoronize('don\u0092t') // 'don’t'
 */
export function demoronize(text: string): string {
  return /[\u0080-\u009f]/.test(text)
    ? text.replace(/[\u0080-\u009f]/g, (c) => fromCodePoint(c.charCodeAt(0)))
    : text;
}

// True when the UTF-8 bytes encode a C1 control (C2 80 … C2 9F).
function hasC1(buffer: Buffer): boolean {
  for (let i = buffer.indexOf(0xc2); i !== -1; i = buffer.indexOf(0xc2, i + 1)) {
    const next = buffer[i + 1] ?? 0;
    if (next >= 0x80 && next <= 0x9f) return true;
  }
  return false;
}

function sniffBom(b: Uint8Array): { encoding: string; skip: number } | undefined {
  const [b0, b1, b2, b3] = [b[0], b[1], b[2], b[3]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff)
    return { encoding: 'utf-32be', skip: 4 };
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00)
    return { encoding: 'utf-32le', skip: 4 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (b0 === 0 && b1 === 0 && b2 === 0 && b3 === 0x3c) return { encoding: 'utf-32be', skip: 0 };
  if (b0 === 0x3c && b1 === 0 && b2 === 0 && b3 === 0) return { encoding: 'utf-32le', skip: 0 };
  if (b0 === 0 && b1 === 0x3c && b2 === 0 && b3 === 0x3f) return { encoding: 'utf-16be', skip: 0 };
  if (b0 === 0x3c && b1 === 0 && b2 === 0x3f && b3 === 0) return { encoding: 'utf-16le', skip: 0 };
  return undefined;
}

function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.byteLength, 512),
  ).toString('latin1');
  const decl = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head);
  return decl?.[1] ? normalizeCharset(decl[1]) : undefined;
}

function isTextMediaType(contentType: string | undefined): boolean {
  return !!contentType && /^\s*text\//i.test(contentType);
}

function looksWide(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) > 0x7f) return false;
  return true;
}
