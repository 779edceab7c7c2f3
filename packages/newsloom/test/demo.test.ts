import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runDemo } from '../scripts/demo';
import { tempDir } from './cli-helpers';

it('pnpm demo runs offline on the bundled data and writes the digest in well under a minute', async () => {
  const out = join(tempDir('newsloom-demo-'), 'out');
  const lines: string[] = [];
  const started = performance.now();
  const indexPath = await runDemo(out, (line) => lines.push(line));
  expect(performance.now() - started).toBeLessThan(60_000);
  expect(indexPath).toBe(join(out, 'index.html'));
  expect(existsSync(join(out, 'demo.db'))).toBe(true);
  const printed = lines.join('\n');
  expect(printed).toContain('ingested 959 articles from 119 feeds (0 failed)');
  expect(printed).toMatch(/Top headlines:\n +1\. .+\(\d+ articles, \d+ outlets\)/);
  expect(printed).toContain(`Open: file://${indexPath}`);
  const edition = JSON.parse(readFileSync(join(out, 'edition.json'), 'utf8'));
  expect(edition.stories.length).toBeGreaterThan(250);
  expect(edition.summaries).toHaveLength(edition.stories.length);
}, 90_000);
