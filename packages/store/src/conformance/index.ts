// @newsloom/store/conformance: the suite every ArticleStore engine must pass (needs vitest).
export { article, collect, coverageReport, feed, minute, outlet, story, summary } from './builders';
export type { CreateStore } from './context';
export { pipelineState } from './pipeline-suite';
export { testArticleStore } from './test-article-store';
