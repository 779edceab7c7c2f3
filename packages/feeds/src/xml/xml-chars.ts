// Character classes and `xml:base` resolution of the XML tokenizer.

/** `xml:base` `value` resolved against the `parent` base; unsafe schemes are ignored. */
export function xmlBase(value: string | undefined, parent: string | undefined): string | undefined {
  if (value === undefined || /^\s*(?:javascript|vbscript|data):/i.test(value)) return parent;
  try {
    return new URL(value, parent).href;
  } catch {
    return parent ?? value;
  }
}

/** XML white space. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** A character that can start an element name (lenient: any non-ASCII one). */
export function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c > 127;
}
