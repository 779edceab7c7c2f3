// @newsloom/eval — metrics researchers need for news clustering and summarisation.
export * from './clustering/index';
export * from './summarization/index';
