import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registrableDomain } from '../url/registrable-domain';
import { articleIdFromUrl, feedIdFromUrl, outletIdFromName, storyIdFromSeed } from './ids';

describe('ids', () => {
  it('are pinned values: the same on every machine and process', () => {
    // If these change, every stored id changes meaning: never update them casually.
    expect(articleIdFromUrl('https://example.com/news/1')).toBe('a-e75493741d176194');
    expect(feedIdFromUrl('https://example.com/feed.xml')).toBe(
      feedIdFromUrl('https://www.example.com/feed.xml'),
    );
    expect(outletIdFromName('Associated Press')).toBe('associated-press');
    expect(outletIdFromName('Le Monde (Édition)')).toBe('le-monde-edition');
    expect(outletIdFromName('新华社')).toMatch(/^o-[0-9a-f]{16}$/);
    expect(storyIdFromSeed('a-1')).toMatch(/^s-[0-9a-f]{16}$/);
  });

  it('agree with a separate Node process', () => {
    const script = `const {createHash}=require('node:crypto');const h=createHash('sha256');h.update('https://example.com/news/1');h.update('\\u0000');process.stdout.write(h.digest('hex').slice(0,16))`;
    const other = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(articleIdFromUrl('https://example.com/news/1')).toBe(`a-${other}`);
  });

  it('are stable for equivalent URLs (property)', () => {
    fc.assert(
      fc.property(fc.webUrl(), fc.constantFrom('?utm_source=x', '#frag', ''), (url, noise) => {
        const base = url.split(/[?#]/)[0] ?? url;
        expect(articleIdFromUrl(base + noise)).toBe(articleIdFromUrl(base));
      }),
      { numRuns: 300 },
    );
  });
});

describe('registrableDomain', () => {
  it.each([
    ['https://www.bbc.co.uk/news', 'bbc.co.uk'],
    ['https://edition.cnn.com/x', 'cnn.com'],
    ['news.abc.net.au', 'abc.net.au'],
    ['https://localhost:3000/feed', 'localhost'],
    ['http://127.0.0.1/feed', '127.0.0.1'],
    ['https://example.com', 'example.com'],
  ])('%s → %s', (input, expected) => expect(registrableDomain(input)).toBe(expected));
});
