// Summarisation metrics: ROUGE as rouge_score computes it, citation support.
export {};
