// Peak memory of parseFeed on a synthesized 50 MB RSS feed. The feed is written to a temporary
// file first, then parsed in a fresh process, so the figures hold only the runtime, the input
// bytes and the parse.
// Usage: node --expose-gc --conditions=@newsloom/source --import tsx bench/memory.ts [MB]
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeed } from '../src/index';

const mb = (n: number) => (n / 1e6).toFixed(0);

function item(n: number): string {
  return (
    `<item><title>Story number ${n}: markets, weather &amp; sport</title><link>https://news.example.com/story/${n}</link>` +
    `<guid isPermaLink="false">story-${n}</guid><pubDate>Tue, 02 Jan 2024 09:30:00 GMT</pubDate><dc:creator>Reporter ${n % 50}</dc:creator>` +
    `<category>World</category><description><![CDATA[<p>Summary of story ${n} with <a href="/related/${n}">a related link</a> and some text. ${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(6)}</p>]]></description>` +
    `<content:encoded><![CDATA[<p>${'Full text paragraph with <b>bold</b>, <i>italics</i> and a <a href="https://other.example.org/x">link</a>. '.repeat(12)}</p><img src="/img/${n}.jpg" alt="photo">]]></content:encoded></item>\n`
  );
}

function synthesize(path: string, targetMb: number): void {
  const fd = openSync(path, 'w');
  let size = writeSync(
    fd,
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Big</title><link>https://news.example.com/</link>\n',
  );
  for (let n = 0; size < targetMb * 1e6; n++) size += writeSync(fd, item(n));
  writeSync(fd, '</channel></rss>');
  closeSync(fd);
}

function measure(path: string): void {
  const bytes = readFileSync(path);
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const parsed = parseFeed(bytes, {
    maxBytes: bytes.length + 1,
    maxItems: 1_000_000,
    url: 'https://news.example.com/feed',
  });
  const seconds = (performance.now() - started) / 1000;
  const peak = process.resourceUsage().maxRSS * 1024;
  globalThis.gc?.();
  const retained = process.memoryUsage().rss;
  console.log(
    `input ${mb(bytes.length)} MB, ${parsed.items.length} items, parsed in ${seconds.toFixed(2)} s (${(bytes.length / 1e6 / seconds).toFixed(1)} MB/s)`,
  );
  console.log(
    `RSS before parse ${mb(before)} MB (runtime + input bytes), peak RSS ${mb(peak)} MB = ${(peak / bytes.length).toFixed(2)}× the input`,
  );
  console.log(
    `growth during parse ${mb(peak - before)} MB = ${((peak - before) / bytes.length).toFixed(2)}× the input; RSS after, result alive: ${mb(retained)} MB`,
  );
}

const [arg] = process.argv.slice(2);
if (arg && !/^\d+$/.test(arg)) {
  measure(arg);
} else {
  const path = join(tmpdir(), `newsloom-feeds-${process.pid}.xml`);
  synthesize(path, Number(arg ?? 50));
  try {
    const self = fileURLToPath(import.meta.url);
    execFileSync(
      process.execPath,
      ['--expose-gc', '--conditions=@newsloom/source', '--import', 'tsx', self, path],
      { stdio: 'inherit' },
    );
  } finally {
    rmSync(path, { force: true });
  }
}
