// Runs Python feedparser's test suite (../shared/data/feeds/feedparser) against parseFeed and
// prints the pass rate per folder. Usage: pnpm --filter @newsloom/feeds conformance [--fail] [folder]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parseDate, parseFeed } from '../src/index';
import { feedparserView, MAPPED_KEYS } from './feedparser-view';

interface Assertion {
  path?: (string | number)[];
  op: string;
  value?: unknown;
}
interface Case {
  path: string;
  headers: Record<string, string>;
  ok: boolean;
  asserts: Assertion[] | null;
}
type Outcome = 'pass' | 'fail' | 'unmapped';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = process.env.NEWSLOOM_DATA ?? resolve(here, '../../../../shared/data');
const suite = join(dataDir, 'feeds/feedparser');
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const UNSAFE =
  /<\s*(script|style|iframe|object|embed|applet|frame|meta|link|base|form)\b|\son\w+\s*=|javascript:|vbscript:|expression\s*\(|\sstyle\s*=/i;

function main(): void {
  if (!existsSync(join(suite, 'assertions.jsonl'))) {
    console.log(
      `dataset missing: ${suite} (the feedparser suite lives beside the repository); nothing to run.`,
    );
    return;
  }
  const showFailures = process.argv.includes('--fail');
  const only = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const lines = readFileSync(join(suite, 'assertions.jsonl'), 'utf8').split('\n').filter(Boolean);
  const byFolder = new Map<string, Record<Outcome, number>>();
  for (const line of lines) {
    const c = JSON.parse(line) as Case;
    if (!c.ok || !c.asserts || (only && !c.path.startsWith(only))) continue;
    const folder = c.path.startsWith('wellformed/')
      ? c.path.split('/').slice(0, 2).join('/')
      : (c.path.split('/')[0] ?? '');
    const { outcome, why } = runCase(c, folder === 'wellformed/sanitize');
    const counts = byFolder.get(folder) ?? { pass: 0, fail: 0, unmapped: 0 };
    counts[outcome]++;
    byFolder.set(folder, counts);
    if (showFailures && outcome === 'fail') console.log(`FAIL ${c.path}: ${why}`);
  }
  report(byFolder);
}

function runCase(c: Case, sanitize: boolean): { outcome: Outcome; why: string } {
  const headers = Object.fromEntries(
    Object.entries(c.headers).map(([k, v]) => [k.toLowerCase(), v]),
  );
  if (Object.keys(headers).some((h) => h !== 'content-type' && h !== 'content-location'))
    return { outcome: 'unmapped', why: 'needs HTTP headers' };
  const asserts = c.asserts ?? [];
  if (
    !sanitize &&
    asserts.some((a) =>
      [...(a.path ?? []), ...(a.op === 'eq_path' ? (a.value as unknown[]) : [])].some(
        (k) => typeof k === 'string' && !MAPPED_KEYS.has(k),
      ),
    )
  ) {
    return { outcome: 'unmapped', why: 'key not in ParsedFeed' };
  }
  const bytes = readFileSync(join(suite, 'tests', c.path));
  let view: Record<string, unknown>;
  try {
    // feedparser's suite serves each case from this address; Content-Location overrides it.
    const docUri = `http://127.0.0.1:8097/tests/${c.path}`;
    const location = headers['content-location'];
    const url = location === undefined ? docUri : new URL(location, docUri).href;
    view = feedparserView(parseFeed(bytes, { url, contentType: headers['content-type'] }));
  } catch (error) {
    view = { bozo: true, feed: {}, entries: [], error: String(error) };
  }
  if (sanitize) {
    const text = JSON.stringify(view);
    return UNSAFE.test(text)
      ? { outcome: 'fail', why: `unsafe output: ${UNSAFE.exec(text)?.[0]}` }
      : { outcome: 'pass', why: '' };
  }
  for (const a of asserts) {
    const why = check(view, a);
    if (why) return { outcome: 'fail', why };
  }
  return { outcome: 'pass', why: '' };
}

function get(view: unknown, path: (string | number)[]): unknown {
  let value = view;
  for (const key of path) {
    if (value === null || value === undefined) return undefined;
    // Python's negative indices count from the end.
    const index =
      typeof key === 'number' && key < 0 && Array.isArray(value) ? value.length + key : key;
    value = (value as Record<string | number, unknown>)[index];
  }
  return value;
}

function check(view: unknown, a: Assertion): string | undefined {
  const actual = a.path ? get(view, a.path) : undefined;
  const show = () =>
    `${JSON.stringify(a.path)} ${a.op} ${JSON.stringify(a.value)}; got ${JSON.stringify(actual)?.slice(0, 200)}`;
  switch (a.op) {
    case 'const':
      return a.value ? undefined : 'constant false';
    case 'truthy':
      return truthy(actual) ? undefined : show();
    case 'falsy':
      return truthy(actual) ? show() : undefined;
    case 'absent':
      return actual === undefined ? undefined : show();
    case 'len':
      return Array.isArray(actual) && actual.length === a.value ? undefined : show();
    case 'is':
      return actual === a.value || (a.value === null && actual === undefined) ? undefined : show();
    case 'eq_path':
      return same(actual, get(view, a.value as (string | number)[])) ? undefined : show();
    default:
      // ParsedFeed spells charsets in lower case; feedparser keeps chardet's spelling.
      if (a.path?.[0] === 'encoding' && typeof a.value === 'string' && typeof actual === 'string') {
        return actual === a.value.toLowerCase() ? undefined : show();
      }
      return same(actual, a.value) ? undefined : show();
  }
}

function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}

function same(actual: unknown, expected: unknown): boolean {
  // Python: True == 1; dates are normalised to ISO 8601 UTC, so compare instants.
  if (typeof actual === 'boolean' && typeof expected === 'number')
    return Number(actual) === expected;
  if (
    typeof expected === 'string' &&
    typeof actual === 'string' &&
    ISO.test(actual) &&
    actual !== expected
  ) {
    return parseDate(expected) === actual;
  }
  if (typeof expected === 'string' && typeof actual === 'number')
    return String(actual) === expected;
  if (typeof expected === 'number' && typeof actual === 'string')
    return Number(actual) === expected;
  if (expected && typeof expected === 'object' && actual && typeof actual === 'object') {
    const clean = JSON.parse(JSON.stringify(actual));
    return (
      isDeepStrictEqual(clean, expected) ||
      Object.entries(expected).every(([k, v]) => same((actual as Record<string, unknown>)[k], v))
    );
  }
  if (expected === null && actual === undefined) return true; // Python's None for a missing detail
  return isDeepStrictEqual(actual, expected);
}

function report(byFolder: Map<string, Record<Outcome, number>>): void {
  let pass = 0;
  let graded = 0;
  console.log('folder                         pass / graded   rate    (unmapped)');
  for (const [folder, c] of [...byFolder].sort()) {
    const n = c.pass + c.fail;
    console.log(
      `${folder.padEnd(30)} ${String(c.pass).padStart(4)} / ${String(n).padEnd(6)} ${pct(c.pass, n).padStart(6)}  (${c.unmapped})`,
    );
    if (folder !== 'wellformed/sanitize') {
      pass += c.pass;
      graded += n;
    }
  }
  console.log(`\noutside sanitize/: ${pass} / ${graded} = ${pct(pass, graded)}`);
}

function pct(a: number, b: number): string {
  return b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`;
}

main();
