// `pnpm --filter newsloom bench:pipeline [sizes…]`: full and incremental digest runs on a replay
// of the bundled real articles at 10k and 100k articles (pass 1000000 to add 1M), each step in
// its own process (wall time includes process start; peak RSS is the process's maxRSS). The
// incremental run adds 1,000 new articles to a store whose state is current.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasSource, SOURCE } from './replay';

const here = dirname(fileURLToPath(import.meta.url));
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const NEW = 1000;

function child(...args: string[]): Record<string, number | string> {
  const run = spawnSync(
    process.execPath,
    ['--conditions=@newsloom/source', '--import', 'tsx', join(here, 'child.ts'), ...args],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (run.status !== 0) throw new Error(`child ${args.join(' ')} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
}

function benchSize(size: number, dir: string): void {
  const db = join(dir, `bench-${size}.db`);
  const build = child('add', db, '0', String(size));
  const full = child('digest', db);
  const add = child('add', db, String(size), String(size + NEW));
  const incremental = child('digest', db);
  const row = (name: string, r: Record<string, number | string>) =>
    `| ${size.toLocaleString('en')} | ${name} | ${(Number(r.ms) / 1000).toFixed(1)} s (CPU ${(Number(r.cpuMs) / 1000).toFixed(1)} s) | ${r.stageMs} | ${r.rssMb} MB | ${r.newArticles} | ${r.touched} | ${r.summarized} | ${r.quarantined} | ${r.snapshotKb} KB |`;
  console.log(
    `| ${size.toLocaleString('en')} | store ${build.added} + ${add.added} articles | ${(Number(build.ms) / 1000).toFixed(1)} s + ${(Number(add.ms) / 1000).toFixed(1)} s | ${build.rssMb} MB | | | | | |`,
  );
  console.log(row('full digest', full));
  console.log(row(`incremental digest (${NEW} new)`, incremental));
}

if (!hasSource()) {
  console.log(`skipped: ${SOURCE} is missing (the bench replays that data set)`);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'newsloom-bench-pipeline-'));
  try {
    console.log(
      '| store size | run | wall (CPU) | cluster / summarize / edition ms | peak RSS | articles read | stories touched | summarised | quarantined | snapshot |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const size of sizes.length > 0 ? sizes : [10_000, 100_000]) benchSize(size, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
