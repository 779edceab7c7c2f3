import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../src/decode/decode-input';
import { parseFeed } from '../src/index';

// parseFeed reads valid, mostly-ASCII UTF-8 through a byte view (src/decode/source-text.ts) and
// decodes only what it keeps. Whatever the bytes, its output must be that of the decoded text.
const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const documents = [
  ...[
    'rss20.xml',
    'atom10.xml',
    'rss10.rdf',
    'feed.json',
    'broken.xml',
    'notafeed.html',
    'recovery/podcast-unclosed-category.xml',
    'recovery/unclosed-media-group.xml',
  ].map(fixture),
  '<!DOCTYPE rss [<!ENTITY café "Café &amp; thé">]><rss version="2.0"><channel><title>&café; — ok</title>' +
    '<item><títle>x</títle><title attrà="1" b=é>Ünïcode</title><description>&lt;p>à&lt;/p></description></item>' +
    '<item><title>a</title></ítem></channel></rss>',
  '\u00a0<rss><channel><title>t</title></channel></rss> trailing\u00a0text',
  '\u00a0 {"version":"https://jsonfeed.org/version/1.1","title":"Ωmega","items":[{"id":"1","title":"é"}]}',
];
const inserts = [
  'é',
  'à',
  '’',
  '—',
  '😀',
  '\u00a0',
  '\u0085',
  '\u0092',
  'Ω',
  '中文',
  '\ufeff',
  '\u2028',
];

function outcome(input: string | Uint8Array): unknown {
  try {
    return parseFeed(input, { url: 'https://example.com/feed' });
  } catch (error) {
    return { threw: (error as Error).message };
  }
}

describe('parseFeed from UTF-8 bytes through the byte view', () => {
  it('reads these documents through the view (not a whole-text decode)', () => {
    const bytes = new TextEncoder().encode(documents[0]?.replace('<title>', '<title>é') ?? '');
    const { source } = decodeSource(bytes);
    expect(source.view).not.toBe(source.text());
    expect(source.text()).toContain('<title>é');
  });

  it('gives exactly the output of the decoded text, wherever non-ASCII characters fall', () => {
    const mutated = fc
      .tuple(
        fc.constantFrom(...documents),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...inserts)), { maxLength: 8 }),
      )
      .map(([text, edits]) => {
        // Inserted between code points: a split surrogate pair is not text UTF-8 can carry.
        const chars = Array.from(text);
        for (const [at, insert] of edits) chars.splice(at % (chars.length + 1), 0, insert);
        return chars.join('');
      });
    fc.assert(
      fc.property(mutated, (text) => {
        const bytes = new TextEncoder().encode(text);
        expect(outcome(bytes)).toEqual(outcome(text));
      }),
      { numRuns: 600, seed: 7 },
    );
  });
});
