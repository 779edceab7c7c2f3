// @newsloom/summarize — cited story summaries whose every sentence is verified against its sources.
export type { SummarizeOptions } from './options';
export { summarizeStory } from './summarize-story';
export {
  type CitationCheck,
  type CitationReport,
  type SentenceCheck,
  type VerifyOptions,
  verifyCitations,
} from './verify-citations';
