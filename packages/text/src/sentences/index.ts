export { type Sentence, splitSentences } from './split-sentences';
