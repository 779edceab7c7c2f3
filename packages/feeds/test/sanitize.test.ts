import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractLinks, htmlToText, sanitizeHtml } from '../src/index';

describe('sanitizeHtml', () => {
  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="  JaVa&#x09;script:alert(1)">x</a>',
    '<a href="vbscript:msgbox">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<style>body{background:url(javascript:alert(1))}</style>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<svg onload="alert(1)"><script>alert(1)</script></svg>',
    '<math><maction xlink:href="javascript:alert(1)">x</maction></math>',
    '<form action="https://evil.example"><input name=p></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<<script>script>alert(1)<</script>/script>',
  ])('leaves nothing executable in %s', (html) => {
    const out = sanitizeHtml(html);
    expect(out).not.toMatch(
      /<\s*(script|iframe|object|embed|style|svg|math|form|meta)\b|\son\w+\s*=|javascript:|vbscript:|data:text|style=/i,
    );
  });

  it('keeps presentational markup and resolves relative URLs', () => {
    expect(
      sanitizeHtml('<p class="x">Hi <a href="/a" title="T">link</a><br><img src="i.png"></p>', {
        base: 'https://example.com/dir/',
      }),
    ).toBe(
      '<p class="x">Hi <a href="https://example.com/a" title="T">link</a><br /><img src="https://example.com/dir/i.png" /></p>',
    );
  });

  it('closes what was left open and drops stray end tags', () => {
    expect(sanitizeHtml('<p><b>bold <i>both</p></div>')).toBe('<p><b>bold <i>both</i></b></p>');
  });
});

describe('htmlToText and extractLinks', () => {
  it('turns HTML into plain text', () => {
    expect(
      htmlToText('<p>Hello&nbsp;<b>world</b> &amp; more</p><p>Bye<script>x()</script></p>'),
    ).toBe('Hello world & more\nBye');
  });

  it('lists absolute outbound links once', () => {
    expect(
      extractLinks(
        '<a href="https://a.example/x">1</a><a href="/rel">2</a><a href="https://a.example/x">3</a>',
      ),
    ).toEqual(['https://a.example/x']);
  });
});

describe('sanitizeHtml on generated markup', () => {
  const tokens = [
    '<',
    '>',
    '/',
    '=',
    '"',
    "'",
    ' ',
    'script',
    'img',
    'a',
    'svg',
    'iframe',
    'p',
    'style',
    ' onerror=',
    ' href=',
    ' src=',
    'javascript:',
    'JaVaScRiPt&#58;',
    '&#x6a;avascript:',
    'alert(1)',
    '<!--',
    '-->',
    '<![CDATA[',
    ']]>',
    '\t',
    '\n',
    'x',
  ];
  it('only ever emits allowed tags with safe attributes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 60 }), (parts) => {
        const out = sanitizeHtml(parts.join(''), { base: 'https://e.example/' });
        for (const [, name = '', attrs = ''] of out.matchAll(/<\/?([a-z0-9]+)([^>]*)>/g)) {
          expect(['script', 'svg', 'iframe', 'style']).not.toContain(name);
          expect(attrs).not.toMatch(/\son\w+\s*=/i);
          for (const [, value = ''] of attrs.matchAll(/(?:href|src)="([^"]*)"/g))
            expect(value).toMatch(/^https?:/);
        }
        expect(out).not.toMatch(/<(?![a-z/])/);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
