import { EditionSchema } from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import { buildSampleEdition, PLANTED_TITLE } from '../../test/sample-edition';
import { escapeHtml, safeHref } from './html';
import { renderDigest } from './render-digest';
import { escapeMarkdown } from './render-markdown';

const fileOf = (files: ReturnType<typeof renderDigest>, path: string) => {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`missing ${path}`);
  return file.contents;
};

describe('renderDigest', () => {
  const edition = buildSampleEdition();
  const files = renderDigest(edition);
  const main = edition.stories[0]!;

  it('writes an index, one page per story, Markdown and JSON', () => {
    expect(files.map((f) => f.path)).toEqual([
      'index.html',
      ...edition.stories.map((s) => `stories/${s.id}.html`),
      'stories/s-merged-away.html',
      'edition.md',
      'edition.json',
    ]);
  });

  it('shows every section of the front page with score components', () => {
    const index = fileOf(files, 'index.html');
    for (const heading of [
      'Top Headlines',
      'Feeds',
      'Minority Reports',
      'Unique coverage by outlet',
    ]) {
      expect(index).toContain(`<h2>${heading}</h2>`);
    }
    expect(index).toContain('breadth 2 · recency 0.5');
    expect(index).toContain('HTTP 500 &lt;b&gt;oops&lt;/b&gt;');
    expect(index).toContain(`href="stories/${main.id}.html"`);
  });

  it('renders a story page with cited paragraphs that jump to sources', () => {
    const page = fileOf(files, `stories/${main.id}.html`);
    expect(page).toContain('Updated (2 articles)');
    expect(page).toContain('<h3>What happened</h3>');
    expect(page).toContain('<a href="#source-2">[2]</a>');
    expect(page).toContain('id="source-2"');
    expect(page).toContain('Sources (2 articles)');
    expect(page).toContain('Stories about this story (2 stories)');
    expect(page).toContain('All related articles (2 articles)');
    expect(page).toContain('External resources (1 link)');
    expect(page).toMatch(/<svg class="chart"[^>]*>.*<circle/s);
  });

  it('keeps the address of a merged story working', () => {
    const page = fileOf(files, 'stories/s-merged-away.html');
    expect(page).toContain(`url=../stories/${main.id}.html`);
    expect(page).toContain('Leaders agree climate deal');
  });

  it('escapes everything that came from a feed and forbids scripts', () => {
    for (const file of files.filter((f) => f.path.endsWith('.html'))) {
      expect(file.contents).not.toMatch(/<script|<img|href="javascript:/i);
      expect(file.contents).toContain("default-src 'none'");
    }
    expect(fileOf(files, `stories/${main.id}.html`)).toContain(escapeHtml(PLANTED_TITLE));
    expect(fileOf(files, 'edition.md')).not.toContain('<script');
  });

  it('is deterministic and its JSON round-trips through the Edition schema', () => {
    expect(renderDigest(buildSampleEditionAgain())).toEqual(files);
    expect(EditionSchema.parse(JSON.parse(fileOf(files, 'edition.json')))).toEqual(edition);
  });
});

function buildSampleEditionAgain() {
  return EditionSchema.parse(JSON.parse(JSON.stringify(buildSampleEdition())));
}

describe('escaping helpers', () => {
  it('links only http(s) URLs', () => {
    expect(safeHref('https://a.example/x?a=1&b=2')).toBe('https://a.example/x?a=1&amp;b=2');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<script>')).toBeUndefined();
  });

  it('neutralises Markdown and HTML in feed text', () => {
    expect(escapeMarkdown('<b>*hi*</b> [x](y)')).toBe('&lt;b&gt;\\*hi\\*&lt;/b&gt; \\[x\\]\\(y\\)');
  });
});
