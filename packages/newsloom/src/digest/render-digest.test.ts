import { EditionSchema } from '@newsloom/core';
import { describe, expect, it } from 'vitest';
import { buildSampleEdition, PLANTED_TITLE } from '../../test/sample-edition';
import { escapeHtml, safeHref } from './html';
import { renderDigest } from './render-digest';
import { escapeMarkdown } from './render-markdown';
import { SEARCH_SCRIPT } from './search-script';

const fileOf = (files: ReturnType<typeof renderDigest>, path: string) => {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`missing ${path}`);
  return file.contents;
};

describe('renderDigest', () => {
  const edition = buildSampleEdition();
  const files = renderDigest(edition);
  const main = edition.stories[0]!;

  it('writes the four sections, outlet and story pages, feeds, Markdown, JSON and an archive copy', () => {
    const live = files.map((f) => f.path).filter((p) => !p.startsWith('archive/'));
    expect(live).toEqual([
      'index.html',
      'feeds.html',
      'minority-reports.html',
      'unique-coverage.html',
      'outlets/gamma-post.html',
      ...edition.stories.map((s) => `stories/${s.id}.html`),
      'stories/s-merged-away.html',
      'feed.xml',
      'feed.json',
      'edition.md',
      'edition.json',
    ]);
    const copy = files.filter((f) => f.path.startsWith('archive/2024-01-04/')).map((f) => f.path);
    expect(copy).toContain('archive/2024-01-04/index.html');
    expect(copy).toContain(`archive/2024-01-04/stories/${main.id}.html`);
    expect(fileOf(files, 'archive/index.html')).toContain('href="2024-01-04/index.html"');
  });

  it('shows each section as its own page with the same navigation', () => {
    const pages = {
      'index.html': 'Top Headlines',
      'feeds.html': 'Feeds',
      'minority-reports.html': 'Minority Reports',
      'unique-coverage.html': 'Unique coverage by outlet',
    };
    for (const [path, heading] of Object.entries(pages)) {
      const page = fileOf(files, path);
      expect(page).toContain(`<h1>${heading}</h1>`);
      expect(page).toContain(`href="${path}" aria-current="page"`);
      for (const other of Object.keys(pages)) expect(page).toContain(`href="${other}"`);
    }
    expect(fileOf(files, 'feeds.html')).toContain('HTTP 500 &lt;b&gt;oops&lt;/b&gt;');
  });

  it('shows stories as cards with a summary line, a plain reason and the numbers one click away', () => {
    const index = fileOf(files, 'index.html');
    const card = index.slice(index.indexOf('<li class="card"'));
    expect(card).toContain(`href="stories/${main.id}.html"`);
    expect(card).toContain(
      `Leaders met in Paris to agree a climate plan.<sup class="cite"><a href="stories/${main.id}.html#source-1">[1]</a></sup>`,
    );
    expect(card).toContain('2 articles · 2 outlets: Alpha News, Beta Times');
    expect(card).toMatch(/<time datetime="2024-01-02T12:00:00.000Z" title="2024-01-02 12:00 UTC">/);
    expect(card).toContain('<p class="why">Carried by 2 of 3 outlets; 2 articles in 2 h</p>');
    expect(card).toContain(
      '<details><summary>Numbers</summary>score 2.5 · breadth 2 · rank 1 · recency 0.5',
    );
    // Raw floats are never the main text.
    expect(index).not.toMatch(/<p class="why">[^<]*\d\.\d{3}/);
  });

  it('groups the front page by category when outlets carry one', () => {
    const categories: Record<string, string> = { 'alpha-news': 'World', 'gamma-post': 'Tech' };
    const grouped = EditionSchema.parse({
      ...edition,
      outlets: edition.outlets.map((o) => ({ ...o, category: categories[o.id] })),
    });
    const index = fileOf(renderDigest(grouped), 'index.html');
    expect(index).toContain('<section data-group><h2>World</h2><ul class="cards"><li class="card"');
    expect(index.indexOf('<h2>World</h2>')).toBeLessThan(index.indexOf('<h2>Tech</h2>'));
    expect(fileOf(files, 'index.html')).not.toContain('<section data-group><h2>');
  });

  it('lists minority reports and exclusives with plain reasons and a link to the outlet page', () => {
    const minority = fileOf(files, 'minority-reports.html');
    expect(minority).toContain('Only Gamma Post covered it: 1 article');
    const unique = fileOf(files, 'unique-coverage.html');
    expect(unique).toContain(
      '1 story no other outlet carried, of 1 it covered; first on 1 shared story',
    );
    expect(unique).toContain('href="outlets/gamma-post.html"');
    expect(fileOf(files, 'outlets/gamma-post.html')).toContain('Only Gamma has this');
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

  it('escapes everything that came from a feed and allows no script but the hashed search', () => {
    for (const file of files.filter((f) => f.path.endsWith('.html'))) {
      const scripts = file.contents.match(/<script/gi) ?? [];
      expect(scripts.length, file.path).toBeLessThanOrEqual(1);
      if (scripts.length) expect(file.contents).toContain(`<script>${SEARCH_SCRIPT}</script>`);
      expect(file.contents).not.toMatch(/<img|href="javascript:/i);
      expect(file.contents).toContain(`default-src 'none'; script-src 'sha256-`);
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
