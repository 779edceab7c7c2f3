// Bytes 0x80–0x9F of Windows-1252. Node 20's TextDecoder('windows-1252') decodes them as Latin-1
// C1 controls, losing “ ” ‘ ’ – — € …; the five unassigned bytes map to the same-numbered
// control characters, as the WHATWG Encoding Standard does.
const HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Decodes Windows-1252 bytes (also used for ISO-8859-1 and US-ASCII labels, as browsers do).
 * @example decodeWindows1252(new Uint8Array([0x93, 0x68, 0x94])) // '“h”'
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => HIGH[c.charCodeAt(0) - 0x80] as string);
}
