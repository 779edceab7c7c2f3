import { createHash } from 'node:crypto';

/**
 * A short, stable hex digest of the given parts (SHA-256, first 16 hex digits = 64 bits).
 * Same input on any machine or process gives the same output.
 */
export function stableHash(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
    hash.update('\u0000');
  }
  return hash.digest('hex').slice(0, 16);
}

/** A lower-case ASCII slug: `Associated Press` → `associated-press`. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
