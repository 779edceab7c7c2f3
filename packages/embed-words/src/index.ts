// Public API of this package: named exports only.
export { convertWinkEmbeddings, type WinkEmbeddingsJson } from './convert';
export { createWordVectorEmbedder, wordVectorEmbedder } from './embedder';
export { decodeWordVectors, encodeWordVectors, type WordVectors } from './format';
