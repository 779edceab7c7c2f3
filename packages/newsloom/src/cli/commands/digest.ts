import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Edition, EditionWindow } from '@newsloom/core';
import { createEditionView, storyHeadline, storyOutletIds } from '../../digest/edition-view';
import { writeDigest } from '../../digest/render-digest';
import type { EditionOptions } from '../../pipeline/edition-stage';
import { type Command, type CommandContext, stringOption } from '../command';
import { UsageError, withOutputPath } from '../exit-codes';
import { requireStore } from '../open-store';
import { isoTime, nonEmpty, positiveNumber } from '../options';
import { plural } from '../text';
import { warnQuarantined } from './quarantine';

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
    warnQuarantined(context, result);
    context.print(
      `${plural(result.newArticles, 'new article')} clustered; ${plural(result.activeStories, 'open story', 'open stories')}, ${result.touchedStoryIds.length} created or updated`,
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
  summary:
    'write cited summaries for new and updated stories (extractive, or the configured chat model, verified)',
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

/** The edition options of `digest`'s flags; `--since`, `--window` and `--all` exclude each other. */
function editionOptions(context: CommandContext): EditionOptions {
  const since = stringOption(context.values, 'since');
  const window = stringOption(context.values, 'window');
  const all = context.values.all === true;
  if ([since, window, all || undefined].filter(Boolean).length > 1)
    throw new UsageError('give one of --since TIME, --window HOURS or --all', 'digest');
  if (since) return { since: new Date(since).toISOString() };
  if (window) return { windowHours: Number(window) };
  return all ? { all: true } : {};
}

function windowText(window: EditionWindow | undefined): string {
  if (!window || window.all) return 'every story';
  if (window.hours) return `stories updated in the ${window.hours} h up to ${window.until}`;
  return `stories updated since ${window.since}`;
}

/**
 * `newsloom digest`.
 * @example await main(['digest', '--out', 'site', '--window', '24'], processIo())
 */
export const digestCommand: Command = {
  name: 'digest',
  summary:
    'cluster and summarise what is new, then write the static digest site of the stories updated in a window (HTML, Markdown, JSON, feeds)',
  usage: 'newsloom digest [--out DIR] [--window HOURS | --since TIME | --all]',
  options: {
    out: {
      type: 'string',
      value: 'DIR',
      description: 'where to write the site',
      default: 'the config’s "out", else ./out',
      check: nonEmpty,
    },
    window: {
      type: 'string',
      value: 'HOURS',
      description: 'stories updated in this many hours before the newest (or now)',
      default: '48',
      check: positiveNumber,
    },
    since: {
      type: 'string',
      value: 'TIME',
      description: 'stories updated at or after this time',
      default: 'the window',
      check: isoTime,
    },
    all: { type: 'boolean', description: 'every story, whatever its age' },
  },
  async run(context) {
    requireStore(context.config.database);
    const options = editionOptions(context);
    const out = resolve(context.io.cwd, stringOption(context.values, 'out') ?? context.config.out);
    // Cluster, summarise and build the edition in one run (no fetch).
    const { edition, cluster } = await context.openPipeline().run({ fetch: false, ...options });
    warnQuarantined(context, cluster);
    if (edition.stories.length === 0) {
      const why = options.since
        ? `no story was updated since ${options.since}`
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
    const pages = `${written.written} files written, ${written.unchanged} unchanged, ${written.removed} removed`;
    const human = [
      `Top headlines (${plural(edition.stories.length, 'story', 'stories')}: ${windowText(edition.window)}):`,
      ...topHeadlineLines(edition),
      '',
      `Digest: ${written.indexPath} (${pages})`,
      `Open:   ${url}`,
    ];
    context.print(human.join('\n'), {
      ...written,
      url,
      window: edition.window,
      stories: edition.stories.length,
      articles: edition.articles.length,
      topHeadlines: edition.coverage.topHeadlines.slice(0, 10),
    });
    return 0;
  },
};
