// Clustering metrics: B-cubed, pairwise, ARI, cluster counts; dataset loaders.
export {
  type ClusteringDataset,
  type GoldLabels,
  loadClusteringDataset,
  loadGoldLabels,
} from './load-dataset';
export {
  type Assignment,
  adjustedRandIndex,
  assignmentFromStories,
  bcubed,
  type ClusterCounts,
  clusterCounts,
  type PrecisionRecall,
  pairwise,
} from './metrics';
