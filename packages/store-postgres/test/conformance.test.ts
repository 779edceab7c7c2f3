import { testArticleStore } from '@newsloom/store/conformance';
import { describe } from 'vitest';
import { openTestStore, testUrl } from './postgres-env';

// The whole conformance suite, unchanged, each test in its own schema.
describe.skipIf(testUrl === undefined)('PostgreSQL store', () => {
  testArticleStore('postgres', openTestStore);
});
