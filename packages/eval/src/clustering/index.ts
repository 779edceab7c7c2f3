// Clustering metrics: B-cubed, pairwise, ARI, cluster counts; dataset loaders.
export { type ClusteringDataset, loadClusteringDataset } from './load-dataset';
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
