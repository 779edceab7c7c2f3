// @newsloom/core — the shared model of newsloom. Every type that crosses a package boundary
// is a zod schema here, with its TypeScript type inferred from it.

export { toIsoUtc } from './article/iso-date';
export {
  contentHashOf,
  parseArticle,
  type SafeParseArticleResult,
  safeParseArticle,
} from './article/parse-article';
export { type CsvFieldOptions, csvField } from './csv/csv-field';
export {
  ERROR_CODES,
  isNewsloomError,
  NewsloomError,
  type NewsloomErrorCode,
  type NewsloomErrorOptions,
} from './errors/newsloom-error';
export { describeZodIssues } from './errors/zod-issues';
export { slugify, stableHash } from './ids/hash';
export {
  articleIdFromUrl,
  feedIdFromUrl,
  outletIdFromName,
  outletIdFromUrl,
  storyIdFromSeed,
} from './ids/ids';
export { jsonSchemas, PUBLISHED_SCHEMAS } from './json-schema';
export { type JsonlSource, type ReadJsonlOptions, readJsonl } from './jsonl/read-jsonl';
export { createJsonlWriter, type JsonlWriter, stringifyJsonl } from './jsonl/write-jsonl';
export { type Article, type ArticleInput, ArticleSchema } from './model/article';
export {
  HttpUrlSchema,
  type IsoDateTime,
  IsoDateTimeSchema,
  type Meta,
  MetaSchema,
} from './model/common';
export {
  type CoverageCell,
  CoverageCellSchema,
  type CoverageReport,
  type CoverageReportInput,
  CoverageReportSchema,
  type GroupShare,
  GroupShareSchema,
  type MinorityReport,
  MinorityReportSchema,
  type OutletUniqueness,
  OutletUniquenessSchema,
  ScoreComponentsSchema,
  type TopHeadline,
  TopHeadlineSchema,
} from './model/coverage-report';
export { type Diagnostic, DiagnosticSchema } from './model/diagnostic';
export {
  type Edition,
  type EditionInput,
  EditionSchema,
  type EditionWindow,
  EditionWindowSchema,
} from './model/edition';
export {
  type Feed,
  type FeedFormat,
  FeedFormatSchema,
  type FeedInput,
  FeedSchema,
} from './model/feed';
export {
  type ArticleId,
  ArticleIdSchema,
  type FeedId,
  FeedIdSchema,
  type OutletId,
  OutletIdSchema,
  type StoryId,
  StoryIdSchema,
} from './model/ids';
export {
  type Outlet,
  type OutletAttribute,
  OutletAttributeSchema,
  type OutletInput,
  OutletSchema,
} from './model/outlet';
export {
  type PipelineState,
  type PipelineStateInput,
  PipelineStateSchema,
  type QuarantineEntry,
  QuarantineEntrySchema,
  type QuarantineReason,
  QuarantineReasonSchema,
} from './model/pipeline-state';
export {
  type Story,
  type StoryEvent,
  StoryEventSchema,
  type StoryInput,
  StorySchema,
} from './model/story';
export {
  type Citation,
  CitationSchema,
  type ExternalResource,
  ExternalResourceSchema,
  type Perspective,
  type PerspectiveGroup,
  PerspectiveGroupSchema,
  PerspectiveSchema,
  type Provenance,
  ProvenanceSchema,
  type StorySummary,
  type StorySummaryInput,
  StorySummarySchema,
  type SummarySection,
  SummarySectionSchema,
  type SummarySentence,
  SummarySentenceSchema,
  type SummarySource,
  SummarySourceSchema,
  type WhatIsNew,
  WhatIsNewSchema,
} from './model/story-summary';
export type {
  ArticleKey,
  ArticleQuery,
  ArticleStore,
  ClusterRunCommit,
  CoverageSnapshot,
  PipelineRevision,
  SequencedArticleKeys,
  SequencedArticles,
  StoryQuery,
  UpsertCounts,
} from './ports/article-store';
export { type Clock, systemClock } from './ports/clock';
export type { Embedder } from './ports/embedder';
export type { Fetch } from './ports/fetch';
export {
  type ModelSummaryDraft,
  ModelSummaryDraftSchema,
  type Summarizer,
  type SummarizerInput,
} from './ports/summarizer';
export { canonicalizeUrl } from './url/canonicalize-url';
export { registrableDomain } from './url/registrable-domain';
