// Guessing the legacy charset of bytes that are not UTF-8 and say nothing of their encoding.
// chardet's `analyse` runs all of its 27 recognisers over the whole input, a few milliseconds even
// for a small feed (the single-byte ones parse it once per language). Only the recognisers that
// can name a charset we accept can make the guess succeed, so they run first; the full analysis
// runs only when one of them is confident enough, and then decides exactly as before.
// The recognisers are chardet internals (lib/encoding/*), not its public API: package.json pins
// chardet to one exact version so that an upgrade is a deliberate change, checked by the
// charset tests (Shift_JIS, Hebrew, …).
import { analyse } from 'chardet';
import type { Context, Recogniser } from 'chardet/lib/encoding/index.js';
import { big5, euc_jp, euc_kr, gb_18030, sjis } from 'chardet/lib/encoding/mbcs.js';
import { ISO_8859_5, ISO_8859_8, KOI8_R, windows_1251 } from 'chardet/lib/encoding/sbcs.js';
import iconv from 'iconv-lite';

// Confident guesses only, for scripts where Windows-1252 would be garbage: CJK multi-byte
// encodings, Cyrillic and Hebrew. Latin text that is not UTF-8 is Windows-1252 in practice.
const GUESSABLE: Record<string, number> = {
  big5: 50,
  'euc-jp': 50,
  'euc-kr': 50,
  gb18030: 50,
  shift_jis: 50,
  'koi8-r': 40,
  'windows-1251': 40,
  'iso-8859-5': 40,
  'iso-8859-8': 25,
  'windows-1255': 25,
};

// chardet's recognisers whose answers can be one of GUESSABLE's charsets (ISO_8859_8 names
// windows-1255 too); every other one names a charset outside it.
const CANDIDATES: Recogniser[] = [
  new sjis(),
  new big5(),
  new euc_jp(),
  new euc_kr(),
  new gb_18030(),
  new ISO_8859_5(),
  new ISO_8859_8(),
  new windows_1251(),
  new KOI8_R(),
];

/**
 * The charset of `buffer` (not valid UTF-8) when chardet names one of the CJK, Cyrillic or
 * Hebrew charsets first and confidently, else `undefined`.
 * @example guessLegacyEncoding(iconv.encode('Новости дня', 'koi8-r')) // 'koi8-r'
 */
export function guessLegacyEncoding(buffer: Buffer): string | undefined {
  if (!someCandidateConfident(buffer)) return undefined;
  const [best] = analyse(buffer);
  if (!best) return undefined;
  const name = best.name.toLowerCase();
  const threshold = GUESSABLE[name];
  return threshold !== undefined && best.confidence >= threshold && iconv.encodingExists(name)
    ? name
    : undefined;
}

// Whether a candidate recogniser reaches the confidence its charset needs: if none does, the
// best of all recognisers cannot be an accepted guess.
function someCandidateConfident(buffer: Buffer): boolean {
  const context = contextOf(buffer);
  for (const recogniser of CANDIDATES) {
    const match = recogniser.match(context);
    const threshold = match ? GUESSABLE[match.name.toLowerCase()] : undefined;
    if (match && threshold !== undefined && match.confidence >= threshold) return true;
  }
  return false;
}

// What chardet's `analyse` hands its recognisers.
function contextOf(buffer: Buffer): Context {
  const byteStats: number[] = new Array(256).fill(0);
  for (const byte of buffer) byteStats[byte] = (byteStats[byte] ?? 0) + 1;
  let c1Bytes = false;
  for (let b = 0x80; b <= 0x9f; b++) if (byteStats[b] !== 0) c1Bytes = true;
  return {
    byteStats,
    c1Bytes,
    rawInput: buffer,
    rawLen: buffer.length,
    inputBytes: buffer,
    inputLen: buffer.length,
  };
}
