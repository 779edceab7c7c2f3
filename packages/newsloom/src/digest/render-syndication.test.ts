import { spawnSync } from 'node:child_process';
import { parseFeed } from '@newsloom/feeds';
import { describe, expect, it } from 'vitest';
import { buildSampleEdition } from '../../test/sample-edition';
import { createEditionView } from './edition-view';
import { renderAtom, renderJsonFeed } from './render-syndication';

const edition = buildSampleEdition();
const view = createEditionView(edition);
const atom = renderAtom(view, { siteUrl: 'https://news.example/digest/' });
const json = renderJsonFeed(view, { siteUrl: 'https://news.example/digest/' });
const main = edition.stories[0]!;

describe.each([
  ['Atom', atom],
  ['JSON Feed', json],
])('the digest as %s', (_name, text) => {
  it('parses with @newsloom/feeds: one entry per story, ranked first, summary and sources inside', () => {
    const parsed = parseFeed(text);
    expect(parsed.wellFormed).toBe(true);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.items).toHaveLength(edition.stories.length);
    const first = parsed.items[0]!;
    expect(first.title).toBe('Leaders agree climate deal');
    expect(first.link).toBe(`https://news.example/digest/stories/${main.id}.html`);
    expect(first.summary).toContain('Leaders met in Paris');
    const content = first.content.map((c) => c.value).join('');
    expect(content).toContain('https://alpha.example/1');
  });
});

/** Debian's python3 with python3-feedparser (apt), else whatever python3 is on PATH. */
function feedparserPython(): string | undefined {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(python, ['-c', 'import feedparser'], { stdio: 'ignore' });
    if (probe.status === 0) return python;
  }
  return undefined;
}

const python = feedparserPython();
// Without Python feedparser (apt-get install -y python3-feedparser) the block counts as skipped.

describe.skipIf(!python)('the digest in Python feedparser', () => {
  it('reads the Atom feed without a problem (bozo 0), every entry with title and link', () => {
    const script = `import feedparser, json, sys
d = feedparser.parse(sys.stdin.read())
print(json.dumps({"bozo": int(d.bozo), "version": d.version, "titles": [e.title for e in d.entries], "links": [e.link for e in d.entries]}))`;
    const run = spawnSync(python!, ['-c', script], { input: atom, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      bozo: number;
      version: string;
      titles: string[];
      links: string[];
    };
    expect(result.bozo).toBe(0);
    expect(result.version).toBe('atom10');
    expect(result.titles).toHaveLength(edition.stories.length);
    expect(result.titles[0]).toBe('Leaders agree climate deal');
    expect(result.links[0]).toBe(`https://news.example/digest/stories/${main.id}.html`);
  });
});
