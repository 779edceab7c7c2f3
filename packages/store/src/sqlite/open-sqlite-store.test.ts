import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { testArticleStore } from '../conformance/index';
import { openSqliteStore } from './open-sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'newsloom-store-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

testArticleStore('sqlite', () => {
  files += 1;
  return openSqliteStore({ path: join(dir, `store-${files}.db`) });
});
