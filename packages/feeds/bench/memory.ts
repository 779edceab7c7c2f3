// Peak memory of parseFeed on a synthesized 50 MB RSS feed, in a process of its own.
// Usage: node --expose-gc --conditions=@newsloom/source --import tsx bench/memory.ts [MB]
import { parseFeed } from '../src/index';

const targetMb = Number(process.argv[2] ?? 50);
const item = (n: number) =>
  `<item><title>Story number ${n}: markets, weather &amp; sport</title><link>https://news.example.com/story/${n}</link>` +
  `<guid isPermaLink="false">story-${n}</guid><pubDate>Tue, 02 Jan 2024 09:30:00 GMT</pubDate><dc:creator>Reporter ${n % 50}</dc:creator>` +
  `<category>World</category><description><![CDATA[<p>Summary of story ${n} with <a href="/related/${n}">a related link</a> and some text to make it realistic. ${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(6)}</p>]]></description>` +
  `<content:encoded><![CDATA[<p>${'Full text paragraph with <b>bold</b>, <i>italics</i> and a <a href="https://other.example.org/x">link</a>. '.repeat(12)}</p><img src="/img/${n}.jpg" alt="photo">]]></content:encoded></item>\n`;
const head =
  '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Big</title><link>https://news.example.com/</link>\n';
const parts = [head];
let size = head.length;
for (let n = 0; size < targetMb * 1e6; n++) {
  const s = item(n);
  parts.push(s);
  size += s.length;
}
parts.push('</channel></rss>');
const bytes = Buffer.from(parts.join(''));
parts.length = 0;
globalThis.gc?.();
const before = process.memoryUsage();
const started = performance.now();
const parsed = parseFeed(bytes, {
  maxBytes: bytes.length + 1,
  maxItems: 1_000_000,
  url: 'https://news.example.com/feed',
});
const seconds = (performance.now() - started) / 1000;
const peakRss = process.resourceUsage().maxRSS * 1024;
const mb = (n: number) => (n / 1e6).toFixed(0);
console.log(
  `input ${mb(bytes.length)} MB, ${parsed.items.length} items, parsed in ${seconds.toFixed(2)} s (${(bytes.length / 1e6 / seconds).toFixed(1)} MB/s)`,
);
console.log(`RSS before parse ${mb(before.rss)} MB (input included), peak RSS ${mb(peakRss)} MB`);
console.log(
  `peak growth during parse ${mb(peakRss - before.rss)} MB = ${((peakRss - before.rss) / bytes.length).toFixed(2)}× the input; peak RSS = ${(peakRss / bytes.length).toFixed(2)}× the input`,
);
globalThis.gc?.();
const after = process.memoryUsage();
console.log(
  `retained after gc: heap ${mb(after.heapUsed - before.heapUsed)} MB, external ${mb(after.external - before.external)} MB (items kept alive: ${parsed.items.length})`,
);
