/** Options of {@link csvField}. */
export interface CsvFieldOptions {
  /**
   * Prefix values that start with `=`, `+`, `-` or `@` with `'` so spreadsheet programs do not run
   * them as formulas (CSV injection). Off by default: it changes the data, so use it for files
   * meant to be opened by people, not for data meant for pandas or R.
   */
  guardFormulas?: boolean;
}

/**
 * One CSV field as RFC 4180 writes it: quoted (with `"` doubled) when it holds a comma, a quote or
 * a line break, else as it is. The one CSV quoting rule every newsloom export uses.
 *
 * @example
 * csvField('a,b') // '"a,b"'
 * csvField('=SUM(A1)', { guardFormulas: true }) // "'=SUM(A1)"
 */
export function csvField(value: string, options: CsvFieldOptions = {}): string {
  const safe = options.guardFormulas && /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
