// newsloom — the umbrella package: the pipeline, the digest renderer and re-exports of every
// newsloom package's public API.

export { type CoverageChartOptions, renderCoverageChart } from './digest/coverage-chart';
export { createEditionView, type EditionView, storyPath } from './digest/edition-view';
export { escapeHtml, safeHref } from './digest/html';
export {
  type DigestFile,
  renderDigest,
  type WriteDigestResult,
  writeDigest,
} from './digest/render-digest';
export { renderIndexPage } from './digest/render-index';
export { escapeMarkdown, renderJson, renderMarkdown } from './digest/render-markdown';
export { renderStoryPage } from './digest/render-story';
