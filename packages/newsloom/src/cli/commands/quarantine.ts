import type { QuarantineEntry } from '@newsloom/core';
import type { ClusterStageResult } from '../../pipeline/cluster-stage';
import { type Command, type CommandContext, numberOption } from '../command';
import { positiveInteger } from '../options';
import { plural } from '../text';
import { READONLY_OPTIONS } from './read-only';

/**
 * Warns on stderr when a clustering run quarantined articles, pointing at the command that
 * lists them.
 * @example warnQuarantined(context, result.cluster)
 */
export function warnQuarantined(context: CommandContext, cluster: ClusterStageResult): void {
  const count = cluster.quarantined.length;
  if (count === 0) return;
  const reasons = [...new Set(cluster.quarantined.map((q) => q.reason))].join(', ');
  context.warn(
    `newsloom: ${plural(count, 'article')} quarantined (${reasons}): not in any story; "newsloom report quarantine" lists them`,
  );
}

function entryLine(entry: QuarantineEntry, title: string | undefined, url: string | undefined) {
  return `  ${entry.articleId}  ${entry.reason}: ${entry.detail}${title ? `\n      ${title}` : ''}${url ? ` <${url}>` : ''}`;
}

/**
 * `newsloom report quarantine`: read-only; the articles the clusterer could not place (dated far
 * in the future, before 1970, or too late for a story's window), with why.
 * @example await main(['report', 'quarantine', '--json'], processIo())
 */
export const reportQuarantineCommand: Command = {
  name: 'report quarantine',
  summary: 'list the articles kept out of stories (future-dated, before 1970, too late), with why',
  usage: 'newsloom report quarantine [--limit N] [--readonly]',
  readOnly: true,
  options: {
    limit: {
      type: 'string',
      value: 'N',
      description: 'entries shown (text and --json alike)',
      default: '50',
      check: positiveInteger,
    },
    ...READONLY_OPTIONS,
  },
  async run(context) {
    const store = await context.openStoreToRead();
    const all = await store.listQuarantined();
    const shown = all.slice(0, numberOption(context.values, 'limit', 50));
    const articles = new Map(
      (await store.getArticlesByIds(shown.map((q) => q.articleId))).map((a) => [a.id, a]),
    );
    const lines = shown.map((q) =>
      entryLine(q, articles.get(q.articleId)?.title, articles.get(q.articleId)?.url),
    );
    const more = all.length - shown.length;
    const text = [
      `${plural(all.length, 'quarantined article')}${all.length ? ':' : ''}`,
      ...lines,
      ...(more > 0 ? [`  … and ${more} more (--limit ${all.length} shows all)`] : []),
    ].join('\n');
    const entries = shown.map((q) => ({
      ...q,
      title: articles.get(q.articleId)?.title,
      url: articles.get(q.articleId)?.url,
    }));
    context.print(text, { total: all.length, entries });
    return 0;
  },
};
