// Public API of this package: named exports only.

export { EntityLexicon } from './entities/entity-lexicon';
export {
  cleanEntity,
  type Entities,
  type ExtractEntitiesOptions,
  extractEntities,
} from './entities/extract-entities';
export { quickEntities } from './entities/quick-entities';
export { hash32 } from './hash/hash32';
export { minhash, minhashSimilarity } from './hash/minhash';
export { hammingDistance, type SimHash, shingles, simhash } from './hash/simhash';
export { simhashTokenHashes, simhashTokens, TOKEN_HASH_SEED } from './hash/simhash-tokens';
export { type KeyPhrase, keyPhrases } from './phrases/key-phrases';
export { type Sentence, splitSentences } from './sentences/index';
export { createTokenRun, TokenLexicon, type TokenRun } from './terms/lexicon';
export { createTermModel, type TermModel } from './terms/term-model';
export { TermTable } from './terms/term-table';
export { type TermVector, termDot, termNorm, termTopPositions } from './terms/term-vector';
export { TermVocabulary } from './terms/vocabulary';
export { createTfIdfModel, type TfIdfModel, type TfIdfSnapshot } from './tfidf/tfidf-model';
export { contentTerms } from './tokens/content-terms';
export { stem } from './tokens/stem';
export { isStopword, STOPWORDS } from './tokens/stopwords';
export { tokenize } from './tokens/tokenize';
export {
  cosine,
  dot,
  norm,
  normalize,
  type SparseVector,
  termCounts,
  topTerms,
} from './vectors/sparse-vector';
