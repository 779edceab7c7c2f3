// Every command × each kind of bad input, against a real SQLite file, a real digest site and a
// real HTTP feed server on 127.0.0.1: the exit code the help documents, one line on stderr that
// names the option, file or URL, and nothing changed on disk.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringifyJsonl } from '@newsloom/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/cli/exit-codes';
import { runCli, snapshot, tempDir } from './cli-helpers';
import { CORPUS } from './corpus';
import { type FeedServer, startFeedServer } from './feed-server';

/** One row: where, what, the exit code, and what the one stderr line must say. */
interface Case {
  dir?: 'home' | 'empty' | 'typo' | 'opmlFile' | 'nested' | 'badJson';
  args: string[];
  code: number;
  message: RegExp;
}

const { usage, input, store, network } = EXIT_CODES;

const CASES: Case[] = [
  // usage: exit 2, the option and its accepted form
  {
    args: ['frobnicate'],
    code: usage,
    message: /unknown command "frobnicate" \(see "newsloom --help"\)/,
  },
  { args: ['digets'], code: usage, message: /unknown command "digets": did you mean "digest"\?/ },
  {
    args: ['report'],
    code: usage,
    message: /"newsloom report" needs a subcommand: newsloom report coverage/,
  },
  {
    args: ['report', 'coverag'],
    code: usage,
    message: /did you mean "newsloom report coverage"\?/,
  },
  {
    args: ['digest', '--sinc', '2024-01-01'],
    code: usage,
    message:
      /unknown option --sinc for "newsloom digest": did you mean "--since"\? \(see "newsloom digest --help"\)/,
  },
  {
    args: ['digest', '--since', 'yesterday'],
    code: usage,
    message: /--since must be an ISO 8601 date or time .*not "yesterday"/,
  },
  {
    args: ['digest', '--all', '--since', '2024-01-01'],
    code: usage,
    message: /give one of --since TIME, --window HOURS or --all/,
  },
  { args: ['digest', '--window', '0'], code: usage, message: /--window must be a number above 0/ },
  {
    args: ['report', 'quarantine', '--limit', '0'],
    code: usage,
    message: /--limit must be a whole number of 1 or more/,
  },
  {
    args: ['report', 'quarantine', '--db', 'missing.db'],
    code: input,
    message: /no store at .*missing\.db/,
  },
  {
    args: ['digest', '--out', 'a', '--out', 'b'],
    code: usage,
    message: /option --out is given more than once/,
  },
  {
    args: ['export', '--format', 'xml'],
    code: usage,
    message: /--format must be jsonl or csv, not "xml"/,
  },
  {
    args: ['export', '--what', 'everything'],
    code: usage,
    message: /--what must be articles or stories or coverage, not "everything"/,
  },
  {
    args: ['report', 'coverage', '--limit', '-5'],
    code: usage,
    message: /--limit must be a whole number of 1 or more .*not "-5"/,
  },
  {
    args: ['report', 'coverage', '--limit', 'abc'],
    code: usage,
    message: /--limit must be a whole number/,
  },
  {
    args: ['poll', '--minutes', 'abc'],
    code: usage,
    message: /--minutes must be a number above 0 .*not "abc"/,
  },
  {
    args: ['poll', '--cluster-seconds', '0'],
    code: usage,
    message: /--cluster-seconds must be a number above 0/,
  },
  {
    args: ['ingest', '--opml', 'a.opml', '--jsonl', 'b.jsonl'],
    code: usage,
    message: /give one source: --opml FILE, --feed URL\|FILE/,
  },
  {
    args: ['ingest', '--outlet', 'X'],
    code: usage,
    message: /--outlet NAME names the outlet of --feed/,
  },
  {
    args: ['ingest', '--feed'],
    code: usage,
    message: /option --feed needs a value: --feed URL\|FILE/,
  },
  { args: ['ingest', '--opml', '--json'], code: usage, message: /option --opml needs a value/ },
  {
    args: ['cluster', 'extra'],
    code: usage,
    message: /unexpected argument "extra" for "newsloom cluster"/,
  },
  { args: ['eval'], code: usage, message: /give the gold labels with --labels FILE/ },
  { args: ['init', '--force=yes'], code: usage, message: /option --force takes no value/ },
  // bad input: exit 3, naming the file
  {
    args: ['init'],
    code: input,
    message: /newsloom\.config\.json .*already exist: edit them, or pass --force/,
  },
  {
    args: ['ingest', '--jsonl', 'missing.jsonl'],
    code: input,
    message: /missing\.jsonl \(--jsonl\) does not exist/,
  },
  {
    args: ['ingest', '--opml', 'missing.opml'],
    code: input,
    message: /missing\.opml \(--opml\) does not exist/,
  },
  {
    args: ['ingest', '--feed', 'missing.xml'],
    code: input,
    message: /missing\.xml \(--feed\) does not exist/,
  },
  {
    args: ['ingest', '--feed', 'page.html'],
    code: input,
    message: /page\.html \(--feed\) is not a feed: This is an HTML page/,
  },
  {
    args: ['ingest', '--feed', 'http://'],
    code: input,
    message: /--feed http:\/\/ is not a valid URL/,
  },
  {
    args: ['ingest', '--jsonl', 'articles.jsonl', '--outlets', 'bad-outlets.json'],
    code: input,
    message: /outlet Nameless: .*attributes/,
  },
  {
    args: ['ingest', '--jsonl', 'articles.jsonl', '--outlets', 'page.html'],
    code: input,
    message: /cannot read outlets from .*page\.html/,
  },
  {
    args: ['ingest', '--config', 'missing.json'],
    code: input,
    message: /config file .*missing\.json does not exist/,
  },
  {
    args: ['export', '--out', '/nonexistent/dir/a.csv'],
    code: input,
    message:
      /cannot write \/nonexistent\/dir\/a\.csv \(--out\): the folder \/nonexistent\/dir does not exist/,
  },
  {
    args: ['export', '--out', 'a-folder'],
    code: input,
    message: /a-folder \(--out\): it is a folder/,
  },
  {
    args: ['report', 'coverage', '--csv', '/nonexistent/x.csv'],
    code: input,
    message: /cannot write \/nonexistent\/x\.csv \(--csv\)/,
  },
  {
    args: ['eval', '--labels', 'missing.jsonl'],
    code: input,
    message: /missing\.jsonl \(--labels\) does not exist/,
  },
  { args: ['eval', '--labels', 'empty.jsonl'], code: input, message: /empty\.jsonl has no labels/ },
  {
    args: ['cluster', '--db', 'missing.db'],
    code: input,
    message: /no store at .*missing\.db: ingest some feeds first/,
  },
  { args: ['summarize', '--db', 'missing.db'], code: input, message: /no store at .*missing\.db/ },
  { args: ['digest', '--db', 'missing.db'], code: input, message: /no store at .*missing\.db/ },
  { args: ['export', '--db', 'missing.db'], code: input, message: /no store at .*missing\.db/ },
  {
    args: ['report', 'coverage', '--db', 'missing.db'],
    code: input,
    message: /no store at .*missing\.db/,
  },
  {
    args: ['eval', '--labels', 'labels.jsonl', '--db', 'missing.db'],
    code: input,
    message: /no store at .*missing\.db/,
  },
  {
    dir: 'empty',
    args: ['ingest'],
    code: input,
    message: /nothing to ingest: there is no newsloom\.config\.json here .*run "newsloom init"/,
  },
  { dir: 'empty', args: ['poll'], code: input, message: /nothing to poll: .*run "newsloom init"/ },
  {
    dir: 'typo',
    args: ['ingest'],
    code: input,
    message: /newsloom\.config\.json: unknown key "databse": did you mean "database"\?/,
  },
  {
    dir: 'opmlFile',
    args: ['ingest'],
    code: input,
    message: /unknown key "opml_file": did you mean "opml"\?/,
  },
  {
    dir: 'nested',
    args: ['digest'],
    code: input,
    message: /unknown key "feeds\.allowPrivate": did you mean "feeds\.allowPrivateNetwork"\?/,
  },
  {
    dir: 'badJson',
    args: ['cluster'],
    code: input,
    message: /newsloom\.config\.json is not valid JSON/,
  },
  // store: exit 4
  { args: ['cluster', '--db', 'junk.db'], code: store, message: /junk\.db/ },
  { args: ['report', 'coverage', '--db', 'junk.db'], code: store, message: /junk\.db/ },
  // network: exit 5, the SSRF guard named with the flag and the config key
  {
    args: ['ingest', '--feed', 'http://localhost:9/feed.xml'],
    code: network,
    message:
      /http:\/\/localhost:9\/feed\.xml is on a loopback or private address.*--allow-private-network .*"allowPrivateNetwork": true/,
  },
];

describe('newsloom CLI: every command × bad input', () => {
  const root = tempDir('newsloom-table-');
  const dirs: Record<NonNullable<Case['dir']>, string> = {
    home: join(root, 'home'),
    empty: join(root, 'empty'),
    typo: join(root, 'typo'),
    opmlFile: join(root, 'opml-file'),
    nested: join(root, 'nested'),
    badJson: join(root, 'bad-json'),
  };
  const configs: Partial<Record<keyof typeof dirs, string>> = {
    home: JSON.stringify({ database: './newsloom.db', out: './site' }),
    typo: JSON.stringify({ databse: './other.db' }),
    opmlFile: JSON.stringify({ opml_file: './feeds.opml' }),
    nested: JSON.stringify({ feeds: { allowPrivate: true } }),
    badJson: '{ "database": ',
  };

  beforeAll(async () => {
    for (const [name, dir] of Object.entries(dirs)) {
      mkdirSync(dir, { recursive: true });
      const config = configs[name as keyof typeof dirs];
      if (config) writeFileSync(join(dir, 'newsloom.config.json'), config);
    }
    const home = dirs.home;
    writeFileSync(join(home, 'feeds.opml'), '<opml version="2.0"><head/><body/></opml>');
    writeFileSync(join(home, 'articles.jsonl'), stringifyJsonl(CORPUS));
    writeFileSync(
      join(home, 'page.html'),
      '<!doctype html><html><body><p>not a feed</p></body></html>',
    );
    writeFileSync(join(home, 'empty.jsonl'), '');
    writeFileSync(
      join(home, 'bad-outlets.json'),
      JSON.stringify([{ name: 'Nameless', attributes: 'lean' }]),
    );
    writeFileSync(
      join(home, 'junk.db'),
      'not a database, only text long enough to matter. '.repeat(40),
    );
    mkdirSync(join(home, 'a-folder'));
    const labels = CORPUS.map((a, i) => ({ url: a.url, story: i < 3 ? 'quake' : 'ecb' }));
    writeFileSync(join(home, 'labels.jsonl'), stringifyJsonl(labels));
    expect((await runCli(home, ['ingest', '--jsonl', 'articles.jsonl'])).code).toBe(0);
    expect((await runCli(home, ['digest'])).code).toBe(0);
  });

  it.each(CASES.map((c) => [c.args.join(' '), c] as const))(
    'newsloom %s',
    async (_, { dir = 'home', args, code, message }) => {
      const cwd = dirs[dir];
      const before = snapshot(root);
      const run = await runCli(cwd, args);
      expect(run.stderr.trimEnd().split('\n'), run.stderr).toHaveLength(1);
      expect(run.stderr).toMatch(/^newsloom: /);
      expect(run.stderr).toMatch(message);
      expect(run.code).toBe(code);
      expect(snapshot(root)).toEqual(before);
    },
  );

  it('read-only commands write nothing (with and without --readonly)', async () => {
    const home = dirs.home;
    const before = snapshot(root);
    const runs = [
      ['report', 'coverage'],
      ['report', 'coverage', '--json', '--readonly'],
      ['export', '--what', 'stories', '--format', 'csv'],
      ['export', '--what', 'coverage', '--readonly'],
      ['eval', '--labels', 'labels.jsonl', '--readonly'],
      ['report', 'quarantine'],
    ];
    for (const args of runs) {
      const run = await runCli(home, args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    }
    expect(snapshot(root)).toEqual(before);
  });

  it('digest with a filter that matches nothing says why and leaves the site as it was', async () => {
    const site = join(dirs.home, 'site');
    const before = snapshot(site);
    const run = await runCli(dirs.home, ['digest', '--since', '2999-01-01']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Nothing to publish: no story was updated since 2999-01-01T00:00:00\.000Z\. The site at .*site was left as it was/,
    );
    expect(snapshot(site)).toEqual(before);
  });
});

describe('newsloom ingest against a feed server on 127.0.0.1', () => {
  let server: FeedServer;
  const cwd = tempDir('newsloom-private-');
  beforeAll(async () => {
    server = await startFeedServer();
  });
  afterAll(() => server.close());

  const opml = (urls: string[]) => {
    const outlines = urls.map((u, i) => `<outline text="feed ${i}" xmlUrl="${u}"/>`).join('');
    return `<opml version="2.0"><head/><body>${outlines}</body></opml>`;
  };

  it('says the SSRF guard refused every feed, naming the flag and the config key (exit 5)', async () => {
    writeFileSync(
      join(cwd, 'local.opml'),
      opml([`${server.origin}/reuters.xml`, `${server.origin}/the-hill.xml`]),
    );
    const run = await runCli(cwd, ['ingest', '--opml', 'local.opml']);
    expect(run.code).toBe(EXIT_CODES.network);
    expect(run.stderr).toBe(
      'newsloom: every feed (2) was refused by the SSRF guard (a loopback, private or link-local address): pass --allow-private-network (or set "feeds": { "allowPrivateNetwork": true } in newsloom.config.json) for intranet or local feeds\n',
    );
  });

  it('fetches them with --allow-private-network or feeds.allowPrivateNetwork', async () => {
    const run = await runCli(cwd, ['ingest', '--opml', 'local.opml', '--allow-private-network']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^[1-9]\d* new articles?, 0 updated, 0 unchanged from 2 feeds\n$/);
    writeFileSync(
      join(cwd, 'newsloom.config.json'),
      JSON.stringify({ feeds: { allowPrivateNetwork: true } }),
    );
    const again = await runCli(cwd, ['ingest', '--opml', 'local.opml']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^0 new articles, 0 updated, [1-9]\d* unchanged from 2 feeds\n$/);
  });

  it('tells a network failure apart from the guard', async () => {
    // A port nothing listens on, on another loopback address: connection refused, retried, reported.
    const closed = await startFeedServer();
    await closed.close();
    const url = closed.origin.replace('127.0.0.1', '127.0.0.2');
    const run = await runCli(cwd, [
      'ingest',
      '--feed',
      `${url}/feed.xml`,
      '--allow-private-network',
    ]);
    expect(run.code).toBe(EXIT_CODES.network);
    expect(run.stderr).toMatch(
      /^newsloom: the feed failed to fetch \(first: http:\/\/127\.0\.0\.2:\d+\/feed\.xml: .*\): check your network connection and the feed URLs; --verbose lists each feed's error\n$/,
    );
  });

  it('tells HTTP errors apart from the network and the guard', async () => {
    const dead = [1, 2, 3].map((i) => `${server.origin}/missing-${i}.xml`);
    writeFileSync(join(cwd, 'dead.opml'), opml(dead));
    const down = await runCli(cwd, ['ingest', '--opml', 'dead.opml', '--allow-private-network']);
    expect(down.code).toBe(EXIT_CODES.network);
    expect(down.stderr).toMatch(
      /^newsloom: every feed \(3\) answered with an HTTP error \(first: http:\/\/127\.0\.0\.1:\d+\/missing-\d\.xml: HTTP 404.*\): check the feed URLs; --verbose lists each feed's error\n$/,
    );
    writeFileSync(join(cwd, 'mixed.opml'), opml([...dead, `${server.origin}/reuters.xml`]));
    const mixed = await runCli(cwd, ['ingest', '--opml', 'mixed.opml', '--allow-private-network']);
    expect(mixed.code).toBe(0);
    expect(mixed.stdout).toMatch(/from 4 feeds \(3 failed\)\n$/);
    expect(mixed.stderr.trimEnd().split('\n')).toEqual([
      'newsloom: 3 errors while ingesting:',
      ...dead.map(() => expect.stringMatching(/^ {2}FETCH_FAILED: HTTP 404 Not Found from http/)),
    ]);
  }, 30_000);

  it('counts an article under a second id with a URL already imported as a duplicate', async () => {
    const article = {
      url: 'https://dup.example/a',
      outlet: 'Dup',
      title: 'Same story',
      publishedAt: '2024-01-01T00:00:00Z',
    };
    const records = [
      { ...article, id: 'dup-1' },
      { ...article, id: 'dup-2', title: 'Same story, again' },
    ];
    writeFileSync(join(cwd, 'dup.jsonl'), stringifyJsonl(records));
    const run = await runCli(cwd, ['ingest', '--jsonl', 'dup.jsonl', '--db', 'dup.db']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('1 new article, 0 updated, 0 unchanged; 1 duplicate URL skipped\n');
  });

  it('lists the first 10 errors and "and N more", all with --verbose or --json', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => `{"url": "https://x.example/${i}"}`);
    writeFileSync(join(cwd, 'bad.jsonl'), `${lines.join('\n')}\n`);
    const run = await runCli(cwd, ['ingest', '--jsonl', 'bad.jsonl']);
    const shown = run.stderr.trimEnd().split('\n');
    expect(shown[0]).toBe('newsloom: 12 errors while ingesting:');
    expect(shown).toHaveLength(12);
    expect(shown.at(-1)).toBe('  … and 2 more (--verbose or --json lists all)');
    const verbose = await runCli(cwd, ['ingest', '--jsonl', 'bad.jsonl', '--verbose']);
    expect(verbose.stderr.trimEnd().split('\n')).toHaveLength(13);
    const json = await runCli(cwd, ['ingest', '--jsonl', 'bad.jsonl', '--json']);
    expect(JSON.parse(json.stdout).diagnostics).toHaveLength(12);
  });
});
