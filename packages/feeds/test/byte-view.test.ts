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
// Documents past the 64 KB window of the byte view, with tokens longer than the room kept at the
// end of a window: a DOCTYPE, tags, comments, CDATA sections and text that straddle windows.
const item = (k: number) =>
  `<item><title>Item ${k} &amp; more</title><link>https://e.example/${k}</link>` +
  `<description lang="${'x'.repeat(1500 + k)}">${'&lt;p&gt;text '.repeat(40 + k)}</description>` +
  `<!-- ${'c'.repeat(1100 + k)} --><content:encoded><![CDATA[<p>${'body '.repeat(500 + 9 * k)}</p>]]></content:encoded>` +
  `<ünï:tag xmlns:ünï="urn:x" ä="ö">z</ünï:tag><?pi ${'p'.repeat(1200)}?></item>\n`;
const bigDocuments = [
  `<?xml version="1.0"?><!DOCTYPE rss [<!-- ${'d'.repeat(10_000)} --><!ENTITY big "${'e'.repeat(60_000)}">]>` +
    `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Big &big;</title>` +
    `${Array.from({ length: 40 }, (_, k) => item(k)).join('')}</channel></rss>`,
  `<rss><channel><title a="${'v'.repeat(200_000)}">t</title><item><title>${'long text '.repeat(20_000)}</title${' '.repeat(3000)}></item>` +
    `<item><title>x</title><description>${'&amp; '.repeat(30_000)}</description></item></channel></rss>`,
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

  it('gives the same output when tokens straddle the windows of the view', () => {
    for (const text of bigDocuments) {
      expect(outcome(new TextEncoder().encode(text))).toEqual(outcome(text));
    }
    const mutated = fc
      .tuple(
        fc.constantFrom(...bigDocuments),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...inserts, '<', '>', '"', ']]>', '-->')), {
          minLength: 1,
          maxLength: 6,
        }),
      )
      .map(([text, edits]) => {
        let out = text;
        for (const [at, insert] of edits) {
          // Never inside a surrogate pair: the documents' only non-BMP characters are inserted.
          let cut = at % (out.length + 1);
          if (/[\udc00-\udfff]/.test(out[cut] ?? '')) cut--;
          out = out.slice(0, cut) + insert + out.slice(cut);
        }
        return out;
      });
    fc.assert(
      fc.property(mutated, (text) => {
        expect(outcome(new TextEncoder().encode(text))).toEqual(outcome(text));
      }),
      { numRuns: 40, seed: 11 },
    );
  });
});
