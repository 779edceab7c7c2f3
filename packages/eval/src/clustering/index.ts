// Clustering metrics: B-cubed, pairwise, ARI, cluster counts; dataset loaders.
export {};
