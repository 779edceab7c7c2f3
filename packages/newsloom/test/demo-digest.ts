import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCli } from './cli-helpers';

const here = dirname(fileURLToPath(import.meta.url));

/** The bundled demo data (AllSides 2021 as per-outlet RSS files). */
export const DEMO_DATA = resolve(here, '../demo/data');

/** Where tests keep what a human may want to look at (git-ignored). */
export const ARTIFACTS = resolve(here, '../../../test-artifacts/newsloom');

/** A feed title carrying a script, planted to prove no script from a feed ever runs. */
export const PLANTED_FEED_TITLE =
  'Planted <script>window.__pwned = "script"</script><img src=x onerror="window.__pwned = \'img\'"> headline';

function plantedFeed(): string {
  const escaped = PLANTED_FEED_TITLE.replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Hostile Outlet &lt;script&gt;window.__pwned = "channel"&lt;/script&gt;</title><link>https://hostile.example/</link><description>test</description>
<item><title>${escaped}</title><link>https://hostile.example/a</link><pubDate>Sat, 14 Aug 2021 01:00:00 GMT</pubDate><description>Leaders opened a global climate summit. &lt;script&gt;window.__pwned = "description"&lt;/script&gt;</description></item>
<item><title><![CDATA[CDATA <script>window.__pwned = "cdata"</script> title]]></title><link>javascript:window.__pwned='link'</link><pubDate>Sat, 14 Aug 2021 02:00:00 GMT</pubDate><description>Another item.</description></item>
</channel></rss>
`;
}

/** What {@link buildDemoDigest} made. */
export interface DemoDigest {
  dir: string;
  indexUrl: string;
  log: string[];
}

/**
 * Runs the CLI as a user would on the bundled data (plus one planted hostile feed) and writes
 * the digest under `test-artifacts/newsloom/<name>`.
 */
export async function buildDemoDigest(name = 'demo-digest'): Promise<DemoDigest> {
  const work = join(ARTIFACTS, name);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'planted.xml'), plantedFeed());
  // JSONL is not sanitised like feed markup: this title reaches the renderer as raw HTML.
  const raw = {
    url: 'https://hostile.example/raw',
    outlet: 'Hostile Archive',
    title: PLANTED_FEED_TITLE,
    summary: `Raw <script>window.__pwned = "summary"</script> text about the climate summit.`,
    publishedAt: '2021-08-14T03:00:00Z',
  };
  writeFileSync(join(work, 'planted.jsonl'), `${JSON.stringify(raw)}\n`);
  const log: string[] = [];
  const steps = [
    [
      'ingest',
      '--opml',
      join(DEMO_DATA, 'allsides-2021.opml'),
      '--outlets',
      join(DEMO_DATA, 'outlets.json'),
    ],
    ['ingest', '--feed', 'planted.xml', '--outlet', 'Hostile Outlet'],
    ['ingest', '--jsonl', 'planted.jsonl'],
    ['digest', '--out', 'site'],
  ];
  for (const args of steps) {
    const run = await runCli(work, args);
    log.push(`$ newsloom ${args.join(' ')}\n${run.stdout}${run.stderr}`);
    if (run.code !== 0) throw new Error(`newsloom ${args[0]} exited ${run.code}: ${run.stderr}`);
  }
  const dir = join(work, 'site');
  return { dir, indexUrl: pathToFileURL(join(dir, 'index.html')).href, log };
}
