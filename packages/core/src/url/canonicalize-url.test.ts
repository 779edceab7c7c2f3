import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NewsloomError } from '../errors/newsloom-error';
import { canonicalizeUrl } from './canonicalize-url';

// Real-world URL shapes seen in news feeds, and the canonical form each must take.
const CASES: [input: string, expected: string][] = [
  [
    'https://www.bbc.co.uk/news/world-europe-56789012',
    'https://bbc.co.uk/news/world-europe-56789012',
  ],
  ['HTTPS://WWW.BBC.CO.UK/news/uk', 'https://bbc.co.uk/news/uk'],
  [
    'https://www.theguardian.com/world/2021/apr/22/biden-climate-summit?CMP=Share_iOSApp_Other',
    'https://theguardian.com/world/2021/apr/22/biden-climate-summit',
  ],
  [
    'https://apnews.com/article/d27b869add?utm_source=Twitter&utm_medium=AP&utm_campaign=SocialFlow',
    'https://apnews.com/article/d27b869add',
  ],
  [
    'https://www.nytimes.com/2021/04/22/climate/biden-summit.html?smid=tw-share',
    'https://nytimes.com/2021/04/22/climate/biden-summit.html',
  ],
  [
    'https://www.nytimes.com/2021/04/22/us/politics/x.html?action=click&module=Top%20Stories&pgtype=Homepage',
    'https://nytimes.com/2021/04/22/us/politics/x.html?action=click&module=Top+Stories&pgtype=Homepage',
  ],
  [
    'https://edition.cnn.com/2021/04/22/politics/biden/index.html',
    'https://edition.cnn.com/2021/04/22/politics/biden',
  ],
  ['https://www.foxnews.com/politics/story?fbclid=IwAR0abc', 'https://foxnews.com/politics/story'],
  ['https://www.example.com/a?gclid=123&id=7', 'https://example.com/a?id=7'],
  ['https://example.com/a?mc_cid=1&mc_eid=2', 'https://example.com/a'],
  ['https://example.com/a?b=2&a=1', 'https://example.com/a?a=1&b=2'],
  ['https://example.com/a?a=2&a=1', 'https://example.com/a?a=1&a=2'],
  ['https://example.com/a#comments', 'https://example.com/a'],
  ['https://example.com/a/', 'https://example.com/a'],
  ['https://example.com/', 'https://example.com'],
  ['https://example.com', 'https://example.com'],
  ['http://example.com:80/a', 'http://example.com/a'],
  ['https://example.com:443/a', 'https://example.com/a'],
  ['https://example.com:8443/a', 'https://example.com:8443/a'],
  ['https://example.com/news/index.html', 'https://example.com/news'],
  ['https://example.com/news/index.php', 'https://example.com/news'],
  ['https://example.com/default.aspx', 'https://example.com'],
  ['https://example.com/news/story/amp/', 'https://example.com/news/story'],
  ['https://example.com/news/story/amp', 'https://example.com/news/story'],
  ['https://example.com/news/story.amp.html', 'https://example.com/news/story.html'],
  ['https://example.com/news/story.amp', 'https://example.com/news/story'],
  ['https://example.com/news/story?amp=1', 'https://example.com/news/story'],
  ['https://example.com/news/story?outputType=amp', 'https://example.com/news/story'],
  ['https://amp.theguardian.com/world/2021/x', 'https://theguardian.com/world/2021/x'],
  [
    'https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/story',
    'https://example.com/news/story',
  ],
  [
    'https://www-example-com.cdn.ampproject.org/c/www.example.com/news/story',
    'http://example.com/news/story',
  ],
  ['https://münchen.de/nachrichten', 'https://xn--mnchen-3ya.de/nachrichten'],
  ['https://www.example.com//news//story', 'https://example.com/news/story'],
  ['https://example.com/a?', 'https://example.com/a'],
  ['  https://example.com/a  ', 'https://example.com/a'],
  ['https://example.com/a?_ga=2.1&x=1', 'https://example.com/a?x=1'],
  ['https://example.com/a?igshid=abc', 'https://example.com/a'],
  ['https://example.com/a?ocid=msn&ncid=rss', 'https://example.com/a'],
  ['https://example.com/a?pk_campaign=x&mtm_source=y', 'https://example.com/a'],
  [
    'https://www.reuters.com/world/us/story-2021-04-22/?taid=6081',
    'https://reuters.com/world/us/story-2021-04-22?taid=6081',
  ],
  ['https://example.com/search?q=climate+summit', 'https://example.com/search?q=climate+summit'],
  ['https://example.com/Path/With/Case', 'https://example.com/Path/With/Case'],
  ['https://WWW2.example.com/a', 'https://example.com/a'],
  ['https://example.com./a', 'https://example.com/a'],
  ['file:///tmp/feeds/bbc.xml', 'file:///tmp/feeds/bbc.xml'],
];

describe('canonicalizeUrl', () => {
  it.each(CASES)('%s → %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('is idempotent on every table case', () => {
    for (const [, expected] of CASES) expect(canonicalizeUrl(expected)).toBe(expected);
  });

  it('is idempotent on arbitrary web URLs (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const once = canonicalizeUrl(url);
        expect(canonicalizeUrl(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('throws INVALID_URL naming the input for relative or junk URLs', () => {
    for (const bad of ['/news/story', 'not a url', '']) {
      expect(() => canonicalizeUrl(bad)).toThrowError(NewsloomError);
      try {
        canonicalizeUrl(bad);
      } catch (error) {
        expect((error as NewsloomError).code).toBe('INVALID_URL');
        expect((error as NewsloomError).message).toContain(`"${bad}"`);
      }
    }
  });
});
