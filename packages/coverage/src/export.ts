import { type CoverageReport, csvField } from '@newsloom/core';

/**
 * One row of the long-format coverage matrix (one per story × outlet cell).
 * @example
 * const row: CoverageMatrixRow = coverageMatrixRows(report)[0]
 */
export interface CoverageMatrixRow {
  story_id: string;
  outlet_id: string;
  first_seen: string;
  article_count: number;
  syndicated: boolean;
  story_breadth: number;
  /** Article ids of the cell, space-separated, earliest first. */
  article_ids: string;
}

const COLUMNS = [
  'story_id',
  'outlet_id',
  'first_seen',
  'article_count',
  'syndicated',
  'story_breadth',
  'article_ids',
] as const satisfies readonly (keyof CoverageMatrixRow)[];

/**
 * The matrix as long-format rows (tidy data: one row per story × outlet), the shape pandas
 * `DataFrame(rows)` and R `data.frame` expect.
 *
 * @example
 * const rows = coverageMatrixRows(report)
 * rows[0] // { story_id: 's-1', outlet_id: 'bbc', first_seen: '…', article_count: 2, syndicated: false, story_breadth: 3, article_ids: 'a-1 a-2' }
 */
export function coverageMatrixRows(report: CoverageReport): CoverageMatrixRow[] {
  return report.matrix.map((cell) => ({
    story_id: cell.storyId,
    outlet_id: cell.outletId,
    first_seen: cell.firstSeen,
    article_count: cell.articleIds.length,
    syndicated: cell.syndicated,
    story_breadth: report.breadth[cell.storyId] ?? 0,
    article_ids: cell.articleIds.join(' '),
  }));
}

/**
 * The matrix as long-format CSV (RFC 4180: CRLF line ends, a header row, fields quoted when
 * they hold a comma, quote, CR or LF, quotes doubled). Reads with `pandas.read_csv(path)` and
 * R `read.csv(path)`; `syndicated` is `true`/`false`.
 *
 * @example
 * writeFileSync('matrix.csv', coverageMatrixToCsv(report))
 * // story_id,outlet_id,first_seen,article_count,syndicated,story_breadth,article_ids
 */
export function coverageMatrixToCsv(report: CoverageReport): string {
  const lines = [COLUMNS.join(',')];
  for (const row of coverageMatrixRows(report)) {
    lines.push(COLUMNS.map((column) => csvField(String(row[column]))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The matrix as a JSON array of the long-format rows (`pandas.read_json(text)`,
 * `jsonlite::fromJSON(text)`).
 *
 * @example
 * writeFileSync('matrix.json', coverageMatrixToJson(report))
 */
export function coverageMatrixToJson(report: CoverageReport): string {
  return JSON.stringify(coverageMatrixRows(report));
}

/**
 * The whole report as JSON, byte-for-byte stable for the same report (keys in a fixed order).
 *
 * @example
 * writeFileSync('coverage.json', coverageReportToJson(report, { indent: 2 }))
 */
export function coverageReportToJson(
  report: CoverageReport,
  options: { indent?: number } = {},
): string {
  return JSON.stringify(report, null, options.indent);
}
