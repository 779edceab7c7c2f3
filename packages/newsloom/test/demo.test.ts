import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runDemo } from '../scripts/demo';
import { tempDir } from './cli-helpers';

// Its speed (under 60 s, issue 12) is a figure in the README measured with `/usr/bin/time -v pnpm
// demo`, not an assertion: wall time depends on the machine's load.
it('pnpm demo runs offline on the bundled data and writes the digest', async () => {
  const out = join(tempDir('newsloom-demo-'), 'out');
  const lines: string[] = [];
  const indexPath = await runDemo(out, (line) => lines.push(line));
  expect(indexPath).toBe(join(out, 'index.html'));
  expect(existsSync(join(out, 'demo.db'))).toBe(true);
  const printed = lines.join('\n');
  expect(printed).toContain('ingested 959 articles from 119 feeds (0 failed)');
  expect(printed).toMatch(/Top headlines:\n +1\. .+\(\d+ articles, \d+ outlets\)/);
  expect(printed).toContain(`Open: file://${indexPath}`);
  const edition = JSON.parse(readFileSync(join(out, 'edition.json'), 'utf8'));
  // The front page is the edition window (a week before the newest article), not the archive.
  expect(edition.stories.length).toBeGreaterThan(5);
  expect(edition.stories.length).toBeLessThanOrEqual(60);
  expect(edition.window).toMatchObject({ until: '2021-08-14T04:48:00.000Z', hours: 168 });
  expect(edition.summaries).toHaveLength(edition.stories.length);
  const index = readFileSync(indexPath, 'utf8');
  expect(index.length).toBeLessThanOrEqual(150 * 1024);
  // Every story on the front page has a summary line.
  const cards = index.split('<li class="card"').slice(1);
  expect(cards.length).toBe(edition.coverage.topHeadlines.length);
  for (const card of cards) expect(card).toContain('<p class="lede">');
  // A one-article, one-outlet story is a minority report only with a group-coverage reason.
  const sizes = new Map(
    edition.stories.map((s: { id: string; articleIds: string[] }) => [s.id, s.articleIds.length]),
  );
  for (const report of edition.coverage.minorityReports) {
    if (sizes.get(report.storyId) === 1 && report.outletIds.length === 1)
      expect(report.reason).toBe('blindspot');
  }
}, 90_000);
