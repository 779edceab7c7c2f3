import { describe } from 'vitest';
import { describeArticles } from './articles-suite';
import type { CreateStore } from './context';
import { describePipeline } from './pipeline-suite';
import { describeRecords } from './records-suite';
import { describeSearchAndTransfer } from './search-suite';
import { describeStories } from './stories-suite';
import { describeTransfer } from './transfer-suite';

/**
 * The conformance suite of `NewsloomStore` (the `ArticleStore` port plus search, history,
 * runs, export and import, ingest sequence, pipeline state commits and quarantine). Every engine runs it: an engine is correct when it passes. Call it
 * at the top level of a vitest test file; `create` must return a fresh, empty store each time.
 *
 * @example
 * // sqlite.test.ts
 * import { testArticleStore } from '@newsloom/store/conformance'
 * testArticleStore('memory', () => createMemoryStore())
 */
export function testArticleStore(name: string, create: CreateStore): void {
  describe(`ArticleStore conformance: ${name}`, () => {
    describeArticles(create);
    describeStories(create);
    describeRecords(create);
    describeSearchAndTransfer(create);
    describePipeline(create);
    describeTransfer(create);
  });
}
