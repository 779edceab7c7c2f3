// newsloom/eval — the research metrics of @newsloom/eval (B-cubed, pairwise, ARI, ROUGE, dataset
// loaders), kept out of the main entry so that an app importing `newsloom` does not load them.
export * from '@newsloom/eval';
