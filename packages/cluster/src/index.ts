// Public API of this package: named exports only.
export { clusterArticles } from './cluster-articles';
export { type Clusterer, createClusterer } from './clusterer';
export { type ClusterOptions, type ResolvedClusterOptions, resolveClusterOptions } from './options';
export type { ClustererSnapshot, MemberSnapshot, StorySnapshot } from './snapshot';
export type { AddOptions, AddResult, UnplacedArticle, UnplacedReason } from './unplaced';
