import { readFileSync } from 'node:fs';
import { isNewsloomError } from '@newsloom/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feedToArticles, parseFeed } from '../src/index';

const fixtures = ['rss20.xml', 'atom10.xml', 'rss10.rdf', 'feed.json', 'broken.xml'].map((name) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'),
);
const context = {
  feed: { id: 'f-x' as never, url: 'https://e.example/feed' },
  outlet: { id: 'o' as never },
  fetchedAt: '2024-01-01T00:00:00.000Z',
};

// Cut, splice and garble real feeds: parseFeed must return a result or throw a NewsloomError,
// never anything else, and feedToArticles must never throw.
describe('parseFeed on mangled input', () => {
  it('never crashes', () => {
    const mangled = fc
      .tuple(
        fc.constantFrom(...fixtures),
        fc.nat(),
        fc.nat(),
        fc.string({
          unit: fc.constantFrom(
            '<',
            '>',
            '&',
            '"',
            "'",
            ';',
            '/',
            '!',
            '[',
            ']',
            '#',
            'x',
            ' ',
            '\u0000',
            '\u00e9',
            '\ud83d',
          ),
        }),
      )
      .map(([text, a, b, junk]) => {
        const cut = a % (text.length + 1);
        const end = Math.min(text.length, cut + (b % 200));
        return text.slice(0, cut) + junk + text.slice(end);
      });
    fc.assert(
      fc.property(mangled, (text) => {
        try {
          const parsed = parseFeed(text, { url: 'https://e.example/feed' });
          feedToArticles(parsed, context);
        } catch (error) {
          expect(isNewsloomError(error)).toBe(true);
        }
      }),
      { numRuns: 400, seed: 42 },
    );
  });
});
