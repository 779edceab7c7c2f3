import type { ArticleId, OutletId, StoryId } from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import {
  analyzeCoverage,
  coverageMatrixRows,
  coverageMatrixToCsv,
  coverageMatrixToJson,
  coverageReportToJson,
} from '../src/index';
import { articles, outlets, stories } from './newsroom-fixture';

/** A plain RFC 4180 reader, to check what a CSV library would read back. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    i += 1;
    if (quoted && c === '"' && next === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += c;
    } else if (c === ',') {
      endField();
    } else if (c === '\r' && next === '\n') {
      endField();
      rows.push(row);
      row = [];
      i += 1;
    } else {
      field += c;
    }
  }
  return rows;
}

const report = analyzeCoverage({ articles, stories, outlets });

describe('coverage matrix export', () => {
  it('writes one CRLF-terminated row per cell under a header', () => {
    const csv = coverageMatrixToCsv(report);
    const rows = readCsv(csv);
    expect(rows[0]).toEqual([
      'story_id',
      'outlet_id',
      'first_seen',
      'article_count',
      'syndicated',
      'story_breadth',
      'article_ids',
    ]);
    expect(rows).toHaveLength(report.matrix.length + 1);
    expect(rows).toContainEqual([
      'S2',
      'bbc-news',
      '2024-01-01T12:00:00.000Z',
      '1',
      'false',
      '1',
      'b1',
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes fields holding commas, quotes and line breaks (RFC 4180)', () => {
    const odd = 'the "daily", inc\nweekend' as OutletId;
    const csv = coverageMatrixToCsv({
      ...report,
      matrix: [
        {
          storyId: 's' as StoryId,
          outletId: odd,
          articleIds: ['a' as ArticleId],
          firstSeen: '2024-01-01T00:00:00.000Z',
          syndicated: true,
        },
      ],
      breadth: { s: 1 },
    });
    expect(csv).toContain('"the ""daily"", inc\nweekend"');
    expect(readCsv(csv)[1]).toEqual(['s', odd, '2024-01-01T00:00:00.000Z', '1', 'true', '1', 'a']);
  });

  it('gives the same rows as JSON records, and stable report JSON', () => {
    expect(JSON.parse(coverageMatrixToJson(report))).toEqual(coverageMatrixRows(report));
    const again = analyzeCoverage({
      articles: [...articles].reverse(),
      stories: [...stories].reverse(),
      outlets,
    });
    expect(coverageReportToJson(again, { indent: 2 })).toBe(
      coverageReportToJson(report, { indent: 2 }),
    );
  });
});
