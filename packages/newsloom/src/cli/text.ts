/**
 * A count with its noun in the right number: `1 article`, `2 articles`.
 * @example plural(1, 'feed') // '1 feed'
 */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/**
 * The first `limit` lines, then `… and N more` when some were left off.
 * @example firstLines(errors, 10, '  ')
 */
export function firstLines(lines: readonly string[], limit: number, indent = ''): string[] {
  if (lines.length <= limit) return [...lines];
  const more = lines.length - limit;
  return [...lines.slice(0, limit), `${indent}… and ${more} more (--verbose or --json lists all)`];
}
