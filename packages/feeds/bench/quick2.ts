import { readdirSync, readFileSync } from 'node:fs';
import { sanitizeHtml } from '../src/html/sanitize-html';
import { parseFeed } from '../src/index';
import { parseXml } from '../src/xml/parse-xml';

const dir = '/work/shared/data/feeds/real';
const files = readdirSync(dir).map((f) => readFileSync(`${dir}/${f}`));
const strings = files.map((b) => b.toString('utf8'));
const mb = files.reduce((a, b) => a + b.length, 0) / 1e6;
function run(name: string, fn: (i: number) => void) {
  const times: number[] = [];
  for (let p = 0; p < 9; p++) {
    const t = performance.now();
    for (let i = 0; i < files.length; i++) {
      try {
        fn(i);
      } catch {}
    }
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(name, (mb / (times[4]! / 1000)).toFixed(1), 'MB/s');
}
run('decode only', (i) => new TextDecoder('utf-8', { fatal: true }).decode(files[i]!));
run('toString', (i) => files[i]!.toString('utf8'));
run('parseXml', (i) => parseXml(strings[i]!));
run('sanitize whole doc', (i) => sanitizeHtml(strings[i]!));
run('ours-string', (i) => parseFeed(strings[i]!));
