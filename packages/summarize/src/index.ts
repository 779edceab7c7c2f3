// @newsloom/summarize — cited story summaries whose every sentence is verified against its sources.
export {
  type ChatSummarizer,
  type ChatUsageReport,
  createChatSummarizer,
} from './chat/chat-summarizer';
export {
  type ChatSummarizerOptions,
  ChatSummarizerOptionsSchema,
} from './chat/options';
export { extractExternalResources } from './external-resources';
export { cleanTitle } from './headline';
export {
  type HeadlineProblem,
  headlineProblems,
  isCut,
  MAX_HEADLINE_CHARS,
  titleCase,
} from './headline-rules';
export type { SummarizeOptions } from './options';
export { sectionTitleProblems } from './section-title';
export { summarizeStory } from './summarize-story';
export { summarizeWithModel } from './summarize-with-model';
export {
  type CitationCheck,
  type CitationReport,
  type SentenceCheck,
  type VerifyOptions,
  verifyCitations,
} from './verify-citations';
