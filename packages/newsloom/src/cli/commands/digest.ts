import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Edition } from '@newsloom/core';
import { createEditionView, storyHeadline, storyOutletIds } from '../../digest/edition-view';
import { writeDigest } from '../../digest/render-digest';
import { type Command, stringOption } from '../command';

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
    const result = await context.openPipeline().cluster();
    context.progress.done();
    context.print(
      `${result.newArticles} new articles clustered; ${result.stories} stories, ${result.touchedStoryIds.length} created or updated`,
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
    const result = await context.openPipeline().summarize();
    context.progress.done();
    context.print(`${result.summarized} stories summarised, ${result.unchanged} unchanged`, result);
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
    return `${String(top.rank).padStart(3)}. ${storyHeadline(view, top.storyId)} (${articles} articles, ${outlets} outlets)`;
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
  usage: 'newsloom digest [--out DIR] [--since ISO_TIME]',
  options: { out: { type: 'string' }, since: { type: 'string' } },
  async run(context) {
    const since = stringOption(context.values, 'since');
    // Cluster, summarise and build the edition in one run (no fetch), reading the state once.
    const { edition } = await context.openPipeline().run({ fetch: false, ...(since && { since }) });
    const out = stringOption(context.values, 'out') ?? context.config.out;
    const written = await writeDigest(edition, resolve(context.io.cwd, out));
    context.progress.done();
    const url = pathToFileURL(written.indexPath).href;
    const lines = topHeadlineLines(edition);
    if (lines.length === 0)
      lines.push(
        '  (no stories yet: ingest some feeds first, e.g. newsloom ingest --opml feeds.opml)',
      );
    const human = [
      'Top headlines:',
      ...lines,
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
