import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, dataOutputs, fixtureOutputs, GOLDEN } from './golden/golden-outputs';

const read = (name: string) => JSON.parse(readFileSync(join(GOLDEN, name), 'utf8')) as unknown;
const hasData = existsSync(join(DATA, 'feeds/real'));

describe('golden outputs (regenerate with `pnpm --filter @newsloom/feeds golden`)', () => {
  it('parses every fixture exactly as recorded', () => {
    expect(fixtureOutputs()).toEqual(read('fixtures.json'));
  });

  it.skipIf(!hasData)(
    'parses every real, ill-formed and feedparser-suite feed as recorded',
    () => {
      const golden = read('data.json') as Record<string, { items: number; hash: string }>;
      const now = dataOutputs() ?? {};
      const changed = Object.keys({ ...golden, ...now }).filter(
        (name) => JSON.stringify(golden[name]) !== JSON.stringify(now[name]),
      );
      expect(changed).toEqual([]);
      expect(Object.keys(now).length).toBeGreaterThan(2000);
    },
    120_000,
  );
});
