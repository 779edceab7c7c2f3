import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Edition } from '@newsloom/core';
import { createEditionView, storyHeadline, storyOutletIds } from '../../digest/edition-view';
import { writeDigest } from '../../digest/render-digest';
import { type Command, stringOption } from '../command';
import { withOutputPath } from '../exit-codes';
import { requireStore } from '../open-store';
import { isoTime, nonEmpty } from '../options';
import { plural } from '../text';

/**
 * `newsloom cluster`.
 * @example await main(['cluster'], processIo())
 */
export const clusterCommand: Command = {
  name: 'cluster',
  summary: 'group the articles not clustered yet into stories (story ids stay stable)',
  usage: 'newsloom cluster',
  options: {},
  async run(context) {
    requireStore(context.config.database);
    const result = await context.openPipeline().cluster();
    context.print(
      `${plural(result.newArticles, 'new article')} clustered; ${plural(result.stories, 'story', 'stories')}, ${result.touchedStoryIds.length} created or updated`,
      result,
    );
    return 0;
  },
};

/**
 * `newsloom summarize`.
 * @example await main(['summarize'], processIo())
 */
export const summarizeCommand: Command = {
  name: 'summarize',
  summary: 'write cited summaries for new and updated stories (extractive)',
  usage: 'newsloom summarize',
  options: {},
  async run(context) {
    requireStore(context.config.database);
    const result = await context.openPipeline().summarize();
    context.print(
      `${plural(result.summarized, 'story', 'stories')} summarised, ${result.unchanged} unchanged`,
      result,
    );
    return 0;
  },
};

/**
 * The top headlines of an edition as text lines.
 * @example console.log(topHeadlineLines(edition, 5).join('\n'))
 */
export function topHeadlineLines(edition: Edition, limit = 10): string[] {
  const view = createEditionView(edition);
  return edition.coverage.topHeadlines.slice(0, limit).map((top) => {
    const story = view.stories.get(top.storyId);
    const articles = story?.articleIds.length ?? 0;
    const outlets = story ? storyOutletIds(view, story).length : 0;
    return `${String(top.rank).padStart(3)}. ${storyHeadline(view, top.storyId)} (${plural(articles, 'article')}, ${plural(outlets, 'outlet')})`;
  });
}

/**
 * `newsloom digest`.
 * @example await main(['digest', '--out', 'site'], processIo())
 */
export const digestCommand: Command = {
  name: 'digest',
  summary:
    'cluster and summarise what is new, then write the static digest site (HTML, Markdown, JSON)',
  usage: 'newsloom digest [--out DIR] [--since TIME]',
  options: {
    out: {
      type: 'string',
      value: 'DIR',
      description: 'where to write the site',
      default: 'the config’s "out", else ./out',
      check: nonEmpty,
    },
    since: {
      type: 'string',
      value: 'TIME',
      description: 'only stories updated at or after this time',
      default: 'every story',
      check: isoTime,
    },
  },
  async run(context) {
    requireStore(context.config.database);
    const sinceValue = stringOption(context.values, 'since');
    const since = sinceValue && new Date(sinceValue).toISOString();
    const out = resolve(context.io.cwd, stringOption(context.values, 'out') ?? context.config.out);
    // Cluster, summarise and build the edition in one run (no fetch), reading the state once.
    const { edition } = await context.openPipeline().run({ fetch: false, ...(since && { since }) });
    if (edition.stories.length === 0) {
      const why = since
        ? `no story was updated since ${since}`
        : 'the store holds no stories yet: ingest some feeds first (newsloom ingest)';
      context.print(`Nothing to publish: ${why}. The site at ${out} was left as it was.`, {
        stories: 0,
        written: false,
        out,
      });
      return 0;
    }
    const written = await withOutputPath(out, () => writeDigest(edition, out));
    const url = pathToFileURL(written.indexPath).href;
    const human = [
      'Top headlines:',
      ...topHeadlineLines(edition),
      '',
      `Digest: ${written.indexPath}`,
      `Open:   ${url}`,
    ];
    context.print(human.join('\n'), {
      indexPath: written.indexPath,
      url,
      files: written.files,
      stories: edition.stories.length,
      articles: edition.articles.length,
      topHeadlines: edition.coverage.topHeadlines.slice(0, 10),
    });
    return 0;
  },
};
