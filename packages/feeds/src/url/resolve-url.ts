const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/**
 * `url` resolved against `base` (both may be missing or relative). An absolute `url` is
 * returned as written; one that cannot be made absolute is returned trimmed; an empty one
 * gives `undefined`.
 * @example resolveUrl('/a?b', 'https://example.com/x/y') // 'https://example.com/a?b'
 */
export function resolveUrl(url: string | undefined, base: string | undefined): string | undefined {
  const trimmed = url?.trim();
  if (!trimmed) return undefined;
  if (ABSOLUTE.test(trimmed) || !base) return trimmed;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return trimmed;
  }
}
