// Writes the golden files that golden.test.ts checks: test/golden/fixtures.json (full outputs of
// our fixtures) and, when ../shared/data is present, test/golden/data.json (item count and output
// hash of every real, ill-formed and feedparser-suite feed). Run after a change that alters
// outputs on purpose, in its own commit. Usage: pnpm --filter @newsloom/feeds golden
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataOutputs, fixtureOutputs, GOLDEN } from '../test/golden/golden-outputs';

const write = (name: string, value: unknown) =>
  writeFileSync(join(GOLDEN, name), `${JSON.stringify(value, null, 1)}\n`);

write('fixtures.json', fixtureOutputs());
const data = dataOutputs();
if (data) write('data.json', data);
console.log(
  data
    ? `wrote fixtures.json and data.json (${Object.keys(data).length} feeds)`
    : 'wrote fixtures.json; dataset missing (../shared/data), data.json left as it was',
);
