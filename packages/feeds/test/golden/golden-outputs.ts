// What the golden files record: parseFeed's whole output for our own fixtures, and a hash of it
// for every feed of ../shared/data (the real feeds, the ill-formed ones, feedparser's suite),
// which the project must not copy. Shared by scripts/golden.ts (writes) and golden.test.ts (checks).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNewsloomError } from '@newsloom/core';
import { parseFeed } from '../../src/index';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = resolve(here, '../fixtures');
export const GOLDEN = here;
export const DATA = process.env.NEWSLOOM_DATA ?? resolve(here, '../../../../../shared/data');

/** parseFeed's output, or the code of the error it threw, as plain JSON. */
export function outputOf(bytes: Uint8Array, url: string, contentType?: string): unknown {
  try {
    const parsed = parseFeed(bytes, contentType ? { url, contentType } : { url });
    return JSON.parse(JSON.stringify(parsed));
  } catch (error) {
    return { error: isNewsloomError(error) ? error.code : String(error) };
  }
}

function hashOf(output: unknown): string {
  return createHash('sha256').update(JSON.stringify(output)).digest('hex').slice(0, 16);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Full outputs of every file in test/fixtures, by path. */
export function fixtureOutputs(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const file of filesUnder(FIXTURES)) {
    const name = relative(FIXTURES, file);
    out[name] = outputOf(readFileSync(file), `https://fixtures.example/${name}`);
  }
  return out;
}

/** `{ items, hash }` of every feed of ../shared/data, by path; undefined when it is missing. */
export function dataOutputs(): Record<string, { items: number; hash: string }> | undefined {
  const suite = join(DATA, 'feeds/feedparser');
  if (!existsSync(join(DATA, 'feeds/real')) || !existsSync(join(suite, 'assertions.jsonl')))
    return undefined;
  const out: Record<string, { items: number; hash: string }> = {};
  const add = (name: string, output: unknown) => {
    const items = (output as { items?: unknown[] }).items?.length ?? -1;
    out[name] = { items, hash: hashOf(output) };
  };
  for (const folder of ['real', 'illformed']) {
    const dir = join(DATA, 'feeds', folder);
    for (const file of filesUnder(dir)) {
      const name = `${folder}/${relative(dir, file)}`;
      add(name, outputOf(readFileSync(file), `https://feeds.example/${name}`));
    }
  }
  for (const line of readFileSync(join(suite, 'assertions.jsonl'), 'utf8').split('\n')) {
    if (!line) continue;
    const c = JSON.parse(line) as { path: string; headers: Record<string, string> };
    const file = join(suite, 'tests', c.path);
    if (!existsSync(file)) continue;
    const type = Object.entries(c.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    add(
      `feedparser/${c.path}`,
      outputOf(readFileSync(file), `http://127.0.0.1:8097/tests/${c.path}`, type),
    );
  }
  return out;
}
