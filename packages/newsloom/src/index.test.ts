import { describe, expect, it } from 'vitest';
import {
  analyzeCoverage,
  bcubed,
  clusterArticles,
  coverageMatrixToCsv,
  createClusterer,
  createMemoryStore,
  createPipeline,
  createPoller,
  EditionSchema,
  fetchFeed,
  main,
  NewsloomError,
  openSqliteStore,
  pairwise,
  parseArticle,
  parseFeed,
  parseOpml,
  renderDigest,
  renderMarkdown,
  splitSentences,
  summarizeStory,
  summarizeWithModel,
  verifyCitations,
  writeDigest,
} from './index';

describe('the newsloom umbrella', () => {
  it('re-exports every stage and the model', () => {
    const functions = {
      ...{ parseFeed, fetchFeed, parseOpml, createPoller },
      ...{ openSqliteStore, createMemoryStore, clusterArticles, createClusterer },
      ...{
        summarizeStory,
        summarizeWithModel,
        verifyCitations,
        analyzeCoverage,
        coverageMatrixToCsv,
      },
      ...{ bcubed, pairwise, splitSentences, parseArticle, NewsloomError },
      ...{ createPipeline, renderDigest, writeDigest, renderMarkdown, main },
    };
    for (const [name, value] of Object.entries(functions))
      expect(typeof value, name).toBe('function');
    expect(EditionSchema.safeParse({}).success).toBe(false);
  });
});
