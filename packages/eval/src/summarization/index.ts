// Summarisation metrics: ROUGE as rouge_score computes it, baselines, dataset loading.
export {
  type BaselineArticle,
  centroidBaseline,
  leadBaseline,
  mostCentralTitle,
  roundRobinLeadBaseline,
} from './baselines';
export { loadSummarizationExamples, type SummarizationExample } from './dataset';
export {
  firstWords,
  type RougeScore,
  type RougeScores,
  rouge,
  rougeL,
  rougeN,
  rougeTokens,
} from './rouge';
