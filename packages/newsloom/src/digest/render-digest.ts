import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Edition } from '@newsloom/core';
import { createEditionView, storyPath } from './edition-view';
import { renderIndexPage } from './render-index';
import { renderJson, renderMarkdown } from './render-markdown';
import { renderRedirectPage, renderStoryPage } from './render-story';

/** One file of a rendered digest. */
export interface DigestFile {
  /** Path relative to the digest root, with `/` separators. */
  path: string;
  contents: string;
}

/**
 * Renders an edition as a static site: `index.html`, one `stories/<id>.html` per story,
 * `edition.md` and `edition.json`. Pure: same edition, same bytes. No scripts, no external
 * assets; everything from feeds is escaped, so the site is safe to open from `file://`.
 * @example const files = renderDigest(edition); files.find((f) => f.path === 'index.html')
 */
export function renderDigest(edition: Edition): DigestFile[] {
  const view = createEditionView(edition);
  const files: DigestFile[] = [{ path: 'index.html', contents: renderIndexPage(view) }];
  for (const story of edition.stories) {
    files.push({ path: storyPath(story.id), contents: renderStoryPage(view, story) });
  }
  // A merged story's id is an alias of the story that absorbed it: keep its old address working.
  for (const story of edition.stories) {
    for (const alias of story.aliases) {
      if (view.stories.has(alias)) continue;
      files.push({ path: storyPath(alias), contents: renderRedirectPage(view, story) });
    }
  }
  files.push({ path: 'edition.md', contents: renderMarkdown(edition) });
  files.push({ path: 'edition.json', contents: renderJson(edition) });
  return files;
}

/** What {@link writeDigest} wrote. */
export interface WriteDigestResult {
  /** Absolute path of the digest's `index.html`. */
  indexPath: string;
  files: number;
}

/**
 * Renders an edition and writes it under `outDir` (created when missing). The `stories/`
 * folder inside it is replaced, so pages of stories that no longer exist do not linger.
 * @example const { indexPath } = await writeDigest(edition, './out')
 */
export async function writeDigest(edition: Edition, outDir: string): Promise<WriteDigestResult> {
  const root = resolve(outDir);
  const files = renderDigest(edition);
  // Story pages of earlier editions (merged stories) must not linger.
  await rm(join(root, 'stories'), { recursive: true, force: true });
  await mkdir(join(root, 'stories'), { recursive: true });
  for (const file of files) {
    const target = join(root, ...file.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.contents, 'utf8');
  }
  return { indexPath: join(root, 'index.html'), files: files.length };
}
