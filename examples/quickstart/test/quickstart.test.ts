import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { quickstart } from '../src/main';

it('turns three feeds into a digest with the storm as a three-outlet story', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsloom-quickstart-'));
  const { edition, indexPath } = await quickstart(join(dir, 'news.db'), join(dir, 'out'));
  expect(existsSync(indexPath)).toBe(true);
  const storm = edition.stories.find((story) => story.articleIds.length === 3);
  expect(storm).toBeDefined();
  const headline = edition.summaries.find((s) => s.storyId === storm?.id)?.headline ?? '';
  expect(headline).toMatch(/storm|elin|port|coastguard/i);
  expect(edition.feeds.every((feed) => feed.lastError === undefined)).toBe(true);
  expect(readFileSync(indexPath, 'utf8')).toContain('Top Headlines');
});
