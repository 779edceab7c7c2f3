import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringifyJsonl } from '@newsloom/core';
import { CSV_COLUMNS } from '@newsloom/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/cli/exit-codes';
import { STORY_COLUMNS } from '../src/cli/story-rows';
import { runCli, tempDir } from './cli-helpers';
import { CORPUS } from './corpus';

describe('newsloom CLI: usage and errors', () => {
  const cwd = tempDir();

  it('prints help and documents the exit codes', async () => {
    const run = await runCli(cwd, ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Exit codes: 0 ok');
    for (const name of [
      'init',
      'ingest',
      'poll',
      'cluster',
      'summarize',
      'digest',
      'export',
      'report coverage',
      'eval',
    ]) {
      expect(run.stdout).toContain(`  ${name} `);
    }
  });

  it('answers an unknown command or option with one line and exit code 2', async () => {
    for (const args of [['frobnicate'], ['digest', '--nope']]) {
      const run = await runCli(cwd, args);
      expect(run.code).toBe(EXIT_CODES.usage);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^newsloom: .*see "newsloom (digest )?--help"/);
    }
  });

  it('prints its version', async () => {
    const run = await runCli(cwd, ['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("prints each command's options with their accepted values and defaults", async () => {
    const help = await runCli(cwd, ['export', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(
      /--format FORMAT +the file format: jsonl or csv \(default: jsonl\)/,
    );
    expect(help.stdout).toMatch(
      /--what WHAT +what to export: articles or stories or coverage \(default: articles\)/,
    );
    expect(help.stdout).toMatch(/--readonly +open the database read-only/);
    const digest = await runCli(cwd, ['digest', '-h']);
    expect(digest.stdout).toMatch(/--since TIME .*ISO 8601.*\(default: the window\)/);
    expect(digest.stdout).toMatch(/--window HOURS .*\(default: 48\)/);
    expect(digest.stdout).toMatch(/--all +every story/);
    const ingest = await runCli(cwd, ['ingest', '--help']);
    expect(ingest.stdout).toMatch(/--allow-private-network +fetch feeds on loopback/);
    expect((await runCli(cwd, ['report', '--help'])).stdout).toContain('  report coverage ');
  });

  it('reports a missing input file as one line with exit code 3', async () => {
    const run = await runCli(cwd, ['ingest', '--jsonl', 'missing.jsonl', '--db', 'x.db']);
    expect(run.code).toBe(EXIT_CODES.input);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('missing.jsonl');
  });

  it('names a missing feed file with exit code 3, creating no store', async () => {
    const run = await runCli(cwd, ['ingest', '--feed', 'no-such-feed.xml', '--db', 'feeds.db']);
    expect(run.code).toBe(EXIT_CODES.input);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('no-such-feed.xml (--feed) does not exist');
    expect(existsSync(join(cwd, 'feeds.db'))).toBe(false);
  });

  it('reports a file that is not a database with exit code 4', async () => {
    writeFileSync(
      join(cwd, 'junk.db'),
      'this is not a database, just text that is long enough to matter'.repeat(20),
    );
    const run = await runCli(cwd, ['cluster', '--db', 'junk.db']);
    expect(run.code).toBe(EXIT_CODES.store);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('init writes a config and an OPML of real feeds, and refuses to overwrite them', async () => {
    const dir = tempDir();
    const first = await runCli(dir, ['init']);
    expect(first.code).toBe(0);
    const config = JSON.parse(readFileSync(join(dir, 'newsloom.config.json'), 'utf8'));
    expect(config.opml).toBe('./feeds.opml');
    expect(readFileSync(join(dir, 'feeds.opml'), 'utf8')).toContain(
      'xmlUrl="https://feeds.bbci.co.uk/',
    );
    expect((await runCli(dir, ['init'])).code).toBe(EXIT_CODES.input);
    expect((await runCli(dir, ['init', '--force'])).code).toBe(0);
  });
});

describe('newsloom CLI: JSONL to digest', () => {
  const cwd = tempDir();
  beforeAll(() => writeFileSync(join(cwd, 'articles.jsonl'), stringifyJsonl(CORPUS)));

  it('ingests, clusters, summarises and writes the digest', async () => {
    const ingest = await runCli(cwd, ['ingest', '--jsonl', 'articles.jsonl', '--json']);
    expect(ingest.code).toBe(0);
    expect(JSON.parse(ingest.stdout)).toMatchObject({ inserted: 5 });
    const cluster = await runCli(cwd, ['cluster', '--json']);
    expect(JSON.parse(cluster.stdout)).toMatchObject({ newArticles: 5, activeStories: 2 });
    const digest = await runCli(cwd, ['digest', '--out', 'site']);
    expect(digest.code).toBe(0);
    expect(digest.stderr).toBe('');
    expect(digest.stdout).toMatch(
      /^Top headlines \(\d+ stor(y|ies): stories updated in the 48 h up to .*\):\n/,
    );
    expect(digest.stdout).toMatch(
      /Digest: .*index\.html \(\d+ files written, 0 unchanged, 0 removed\)/,
    );
    expect(digest.stdout).toMatch(/Open: +file:\/\/.*site\/index\.html/);
    expect(existsSync(join(cwd, 'site', 'index.html'))).toBe(true);
    expect(existsSync(join(cwd, 'newsloom.db'))).toBe(true);
  });

  it('exports articles with their story ids, and the coverage report', async () => {
    const csv = await runCli(cwd, ['export', '--format', 'csv']);
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(6);
    expect(lines.slice(1).every((line) => /^a-[0-9a-f]+,s-/.test(line))).toBe(true);
    const jsonl = await runCli(cwd, ['export']);
    expect(
      jsonl.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).storyId),
    ).toHaveLength(5);
    const stories = await runCli(cwd, ['export', '--what', 'stories', '--format', 'csv']);
    const [header, ...rows] = stories.stdout.trim().split('\r\n');
    expect(header).toBe(STORY_COLUMNS.join(','));
    expect(rows).toHaveLength(2);
    const records = (await runCli(cwd, ['export', '--what', 'stories'])).stdout.trim().split('\n');
    const first = JSON.parse(records[0] ?? '{}');
    expect(Object.keys(first)).toEqual([...STORY_COLUMNS]);
    expect(first).toMatchObject({
      rank: 1,
      articles: expect.any(Number),
      outlets: expect.any(Number),
    });
    expect(first.firstSeen <= first.lastSeen).toBe(true);
    const report = await runCli(cwd, ['report', 'coverage', '--json']);
    expect(JSON.parse(report.stdout).topHeadlines).toHaveLength(2);
    const text = await runCli(cwd, ['report', 'coverage']);
    expect(text.stdout).toContain('Minority reports:');
  });

  it('scores the stories against gold labels', async () => {
    const labels = CORPUS.map((a, i) => ({ url: a.url, story: i < 3 ? 'quake' : 'ecb' }));
    writeFileSync(join(cwd, 'labels.jsonl'), stringifyJsonl(labels));
    const run = await runCli(cwd, ['eval', '--labels', 'labels.jsonl', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ evaluated: 5, bcubed: { f1: 1 } });
  });

  it('quarantines a future-dated article, says so, and lists it', async () => {
    const future = {
      ...CORPUS[0]!,
      url: 'https://alpha.example/from-the-future',
      publishedAt: '2999-06-01T00:00:00Z',
    };
    writeFileSync(join(cwd, 'future.jsonl'), stringifyJsonl([future]));
    expect((await runCli(cwd, ['ingest', '--jsonl', 'future.jsonl'])).code).toBe(0);
    const digest = await runCli(cwd, ['digest', '--out', 'site']);
    expect(digest.code).toBe(0);
    expect(digest.stderr).toMatch(
      /^newsloom: 1 article quarantined \(future\): not in any story; "newsloom report quarantine" lists them\n$/,
    );
    const list = await runCli(cwd, ['report', 'quarantine']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(
      /^1 quarantined article:\n {2}a-[0-9a-f]+ {2}future: .*\n {6}Strong earthquake .* <https:\/\/alpha\.example\/from-the-future>/,
    );
    const json = JSON.parse(
      (await runCli(cwd, ['report', 'quarantine', '--json', '--readonly'])).stdout,
    );
    expect(json).toMatchObject({
      total: 1,
      entries: [{ reason: 'future', url: 'https://alpha.example/from-the-future' }],
    });
  });

  it('stops cleanly when interrupted (exit code 130, store intact)', async () => {
    const controller = new AbortController();
    controller.abort();
    writeFileSync(
      join(cwd, 'more.jsonl'),
      stringifyJsonl([{ ...CORPUS[0]!, url: 'https://alpha.example/late' }]),
    );
    const run = await runCli(cwd, ['ingest', '--jsonl', 'more.jsonl'], controller.signal);
    expect(run.code).toBe(EXIT_CODES.interrupted);
    const again = await runCli(cwd, ['cluster', '--json']);
    expect(again.code).toBe(0);
  });
});
