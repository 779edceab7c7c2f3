import { describe, expect, it } from 'vitest';
import * as evalEntry from './eval';
import * as umbrella from './index';
import {
  analyzeCoverage,
  clusterArticles,
  coverageMatrixToCsv,
  createClusterer,
  createMemoryStore,
  createPipeline,
  createPoller,
  EditionSchema,
  fetchFeed,
  NewsloomError,
  openSqliteStore,
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
      ...{ splitSentences, parseArticle, NewsloomError },
      ...{ createPipeline, renderDigest, writeDigest, renderMarkdown },
    };
    for (const [name, value] of Object.entries(functions))
      expect(typeof value, name).toBe('function');
    expect(EditionSchema.safeParse({}).success).toBe(false);
  });

  it('keeps the CLI internals and the research metrics out of the main entry', () => {
    for (const name of ['main', 'helpText', 'processIo', 'loadConfig', 'bcubed', 'rouge'])
      expect(name in umbrella, name).toBe(false);
    for (const name of ['bcubed', 'pairwise', 'adjustedRandIndex', 'loadGoldLabels'])
      expect(typeof (evalEntry as Record<string, unknown>)[name], name).toBe('function');
  });
});
