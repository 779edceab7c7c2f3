// newsloom — the umbrella package: everything composed (createPipeline, the digest renderer)
// plus the public API of the newsloom packages an app runs. The packages' own src/index.ts files
// are the explicit contract; they are mirrored here with `export *`, and TypeScript rejects any
// name two of them would both export (TS2308), so the mirror cannot silently shadow anything.
// The research metrics (@newsloom/eval) are the subpath `newsloom/eval`, so an app importing
// `newsloom` never loads them; the CLI's internals are not exported (the CLI is the bin).

export * from '@newsloom/cluster';
export * from '@newsloom/core';
export * from '@newsloom/coverage';
export * from '@newsloom/feeds';
export * from '@newsloom/store';
export * from '@newsloom/summarize';
export * from '@newsloom/text';
export { type CliConfig, CliConfigSchema } from './cli/config';
export { EXIT_CODES, type ExitCode } from './cli/exit-codes';
export { STARTER_FEEDS, type StarterFeed, starterOpml } from './cli/starter-feeds';
export { type CoverageChartOptions, renderCoverageChart } from './digest/coverage-chart';
export { createEditionView, type EditionView, storyPath } from './digest/edition-view';
export { escapeHtml, safeHref } from './digest/html';
export { type DigestFile, type DigestOptions, renderDigest } from './digest/render-digest';
export { type PageSet, renderIndexPage } from './digest/render-index';
export { escapeMarkdown, renderJson, renderMarkdown } from './digest/render-markdown';
export { renderStoryPage } from './digest/render-story';
export type { SyndicationOptions } from './digest/render-syndication';
export {
  type WriteDigestOptions,
  type WriteDigestResult,
  writeDigest,
} from './digest/write-digest';

export type { ClusterStageResult } from './pipeline/cluster-stage';
export type { FeedFetchOptions, PipelineProgress } from './pipeline/context';
export {
  createPipeline,
  type Pipeline,
  type PipelineOptions,
  type RunResult,
} from './pipeline/create-pipeline';
export type { EditionOptions } from './pipeline/edition-stage';
export type { ArticleRecord, FeedSource, IngestResult, OutletRecord } from './pipeline/ingest';
export type { PollOptions } from './pipeline/poll';
export type { SummarizeStageResult } from './pipeline/summarize-stage';
