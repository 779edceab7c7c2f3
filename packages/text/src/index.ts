// Public API of this package: named exports only.
export { contentTerms } from './tokens/content-terms';
export { stem } from './tokens/stem';
export { isStopword, STOPWORDS } from './tokens/stopwords';
export { tokenize } from './tokens/tokenize';
export { type Sentence, splitSentences } from './sentences/index';
