import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, literal } from '../src/connection';
import { testUrl } from './postgres-env';

// Texts that end a naive dollar quote early, or that older escaping got wrong.
const TRICKY = [
  '',
  "it's",
  'back\\slash and \\\\ two',
  'dollar $n$ tag inside',
  'ends with the tag start $n',
  'ends with the next tag start $n$ and $n0',
  'ends with a dollar $',
  '$n$$n0$$n1$ several tags',
  'unicode: café – 東京 🦆',
];

describe.skipIf(testUrl === undefined)('SQL literals', () => {
  const client = new pg.Client({ connectionString: testUrl });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it('reads back every text exactly, in one simple-protocol query', async () => {
    const sql = TRICKY.map((text, n) => `SELECT ${n} AS n, ${literal(text)} AS t`).join(';\n');
    const results = (await client.query(sql)) as unknown as pg.QueryResult[];
    expect(results.map((r) => r.rows[0]?.t)).toEqual(TRICKY);
  });

  it('reads back JSON with quotes, backslashes and control characters', async () => {
    const value = { text: 'a "quote", a \\ and a \u0001', tag: '$n$', list: [1, null] };
    const result = await client.query(`SELECT ${json(value)}::text AS j`);
    expect(JSON.parse(result.rows[0]?.j as string)).toEqual(value);
  });
});
