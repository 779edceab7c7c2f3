import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseDate, parseFeed } from '../src/index';

const rss = (title: string, decl = '') =>
  `<?xml version="1.0"${decl}?><rss version="2.0"><channel><title>${title}</title></channel></rss>`;

describe('encodings', () => {
  it('decodes windows-1252 with its own table (curly quotes and euro survive)', () => {
    const bytes = iconv.encode(rss('“Quotes” cost 5 €'), 'win1252');
    const parsed = parseFeed(bytes, { contentType: 'application/rss+xml; charset=windows-1252' });
    expect(parsed.feed.title).toBe('“Quotes” cost 5 €');
    expect(parsed.encoding).toBe('windows-1252');
  });

  it('reads the XML declaration, and lets the HTTP charset win over it', () => {
    const latin = iconv.encode(rss('café', ' encoding="iso-8859-1"'), 'latin1');
    expect(parseFeed(latin).feed.title).toBe('café');
    expect(parseFeed(latin).encoding).toBe('iso-8859-1');
    const utf8 = new TextEncoder().encode(rss('café', ' encoding="iso-8859-1"'));
    expect(parseFeed(utf8, { contentType: 'text/xml; charset=utf-8' }).feed.title).toBe('café');
  });

  it('decodes legacy multi-byte encodings through iconv-lite', () => {
    for (const [encoding, text] of [
      ['shift_jis', '日本語のニュース'],
      ['big5', '新聞'],
      ['koi8-r', 'Новости'],
      ['euc-jp', '速報'],
    ] as const) {
      const parsed = parseFeed(iconv.encode(rss(text, ` encoding="${encoding}"`), encoding));
      expect(parsed.feed.title).toBe(text);
      expect(parsed.encoding).toBe(encoding);
    }
  });

  it('honours byte order marks, UTF-16 included', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(rss('wide'), 'utf16le')]);
    expect(parseFeed(le).encoding).toBe('utf-16le');
    expect(parseFeed(le).feed.title).toBe('wide');
    const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rss('bom'))]);
    expect(parseFeed(bom8).feed.title).toBe('bom');
  });

  it('guesses undeclared CJK and Cyrillic encodings instead of mangling them', () => {
    const text = '東京の天気は晴れです。明日は雨が降るでしょう。週末は気温が上がる見込みです。';
    const parsed = parseFeed(iconv.encode(rss(text), 'shift_jis'));
    expect(parsed.encoding).toBe('shift_jis');
    expect(parsed.feed.title).toBe(text);
    expect(parsed.wellFormed).toBe(false);
  });

  it('guesses undeclared Hebrew (a single-byte charset) as well', () => {
    const text = 'הממשלה הודיעה על צעדים חדשים לתמיכה בכלכלה. שר האוצר דיבר על התקציב לשנה הבאה.';
    const parsed = parseFeed(iconv.encode(rss(text), 'iso-8859-8'));
    expect(parsed.encoding).toBe('iso-8859-8');
    expect(parsed.feed.title).toBe(text);
  });

  it('falls back to windows-1252 for bytes that are not UTF-8, and says so', () => {
    const parsed = parseFeed(iconv.encode(rss('naïve “text”'), 'win1252'));
    expect(parsed.feed.title).toBe('naïve “text”');
    expect(parsed.wellFormed).toBe(false);
    expect(parsed.diagnostics[0]?.code).toBe('ENCODING');
  });
});

describe('parseDate', () => {
  it.each([
    ['Sat, 07 Sep 2002 00:00:01 GMT', '2002-09-07T00:00:01.000Z'],
    ['Sat, 07 Sep 2002 00:00:01 EDT', '2002-09-07T04:00:01.000Z'],
    ['Sat, 07 Sep 2002 00:00:01 +0530', '2002-09-06T18:30:01.000Z'],
    ['Sat, 07 Sep 2002 00:00:01 Z', '2002-09-07T00:00:01.000Z'],
    ['07 Sep 02 13:45 PST', '2002-09-07T21:45:00.000Z'],
    ['Tuesday, 5 March 2019 10:00:00 +0000', '2019-03-05T10:00:00.000Z'],
    ['03 Apr 02 1500 GMT', '2002-04-03T15:00:00.000Z'],
    ['2003-12-31T10:14:55Z', '2003-12-31T10:14:55.000Z'],
    ['2003-12-31T10:14:55.5-08:00', '2003-12-31T18:14:55.500Z'],
    ['2003-12-31T10:14', '2003-12-31T10:14:00.000Z'],
    ['2003-12-31', '2003-12-31T00:00:00.000Z'],
    ['2003-12', '2003-12-01T00:00:00.000Z'],
    ['20031231T101455Z', '2003-12-31T10:14:55.000Z'],
    ['Sun Jan  4 16:29:06 2004', '2004-01-04T16:29:06.000Z'],
    ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it('treats zoneless times as UTC whatever the host zone', () => {
    expect(parseDate('2024-01-02 08:00:00')).toBe('2024-01-02T08:00:00.000Z');
    expect(parseDate('Tue, 02 Jan 2024 08:00:00')).toBe('2024-01-02T08:00:00.000Z');
  });

  it('rejects what is not a date', () => {
    for (const bad of ['', 'sometime last week', '2003-02-30', '2003-13-01', 'Mon, 99 Foo 2003'])
      expect(parseDate(bad)).toBeUndefined();
  });
});
