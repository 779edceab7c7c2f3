import { resolve } from 'node:path';
import { type ArticleStore, NewsloomError, type Summarizer } from '@newsloom/core';
import { createChatSummarizer } from '@newsloom/summarize';
import { isPostgresUrl } from '../open-store';
import { createPipeline, type Pipeline } from '../pipeline/create-pipeline';
import type { CommandContext, OptionValues } from './command';
import { type CliConfig, isStoreUrl, loadConfig } from './config';
import { type CliIo, createProgress } from './io';
import { openStoreToRead } from './open-store';

/** What a command opened, so `main` can close it whatever happens. */
export interface OpenedResources {
  pipeline?: Pipeline;
  store?: ArticleStore;
}

interface ContextParts {
  io: CliIo;
  values: OptionValues;
  positionals: string[];
  signal: AbortSignal;
  opened: OpenedResources;
}

function configFor(io: CliIo, values: OptionValues) {
  const loaded = loadConfig(io.cwd, typeof values.config === 'string' ? values.config : undefined);
  const { db } = values;
  if (typeof db === 'string')
    loaded.config.database = db === ':memory:' || isStoreUrl(db) ? db : resolve(io.cwd, db);
  if (values['allow-private-network'] === true) loaded.config.feeds.allowPrivateNetwork = true;
  return loaded;
}

/** The configured model summariser, when the config names one (the extractive one is the default). */
function summarizerOf(config: CliConfig): { summarizer?: Summarizer } {
  if (config.summarizer.kind !== 'chat') return {};
  const { kind: _kind, ...options } = config.summarizer;
  return { summarizer: createChatSummarizer(options) };
}

function pipelineFor(
  config: CliConfig,
  parts: ContextParts,
  onProgress: (p: { stage: string; done: number; total: number }) => void,
): Pipeline {
  if (isStoreUrl(config.database) && !isPostgresUrl(config.database))
    throw new NewsloomError(
      'CONFIG_ERROR',
      `store ${config.database}: newsloom opens SQLite files and postgres:// URLs; give one with --db or "store"`,
    );
  return createPipeline({
    databasePath: config.database,
    allowFileUrls: true,
    feeds: { allowPrivateNetwork: config.feeds.allowPrivateNetwork },
    ...summarizerOf(config),
    title: config.title,
    pollMinutes: config.pollMinutes,
    coverage: { minority: { attributes: config.blindspotAttributes } },
    signal: parts.signal,
    onProgress,
  });
}

/**
 * The context a command runs in: the config (with `--db`, `--config` and
 * `--allow-private-network` applied), output helpers, and the store opened on demand.
 * @example const context = createCommandContext({ io, values, positionals, signal, opened })
 * @throws {NewsloomError} `CONFIG_ERROR` for a bad config file.
 */
export function createCommandContext(parts: ContextParts): CommandContext {
  const { io, values, opened } = parts;
  const { config, path } = configFor(io, values);
  const json = values.json === true;
  const progress = createProgress(io, values.quiet === true || json);
  return {
    ...parts,
    json,
    quiet: values.quiet === true,
    config,
    configPath: path,
    progress,
    openPipeline() {
      opened.pipeline ??= pipelineFor(config, parts, (p) =>
        progress.update(p.stage, p.done, p.total),
      );
      return opened.pipeline;
    },
    async openStoreToRead() {
      opened.store ??= openStoreToRead(config.database, { readonly: values.readonly === true });
      return opened.store;
    },
    print(human, data) {
      progress.done();
      const text = json
        ? `${JSON.stringify(data, null, 2)}\n`
        : human.endsWith('\n')
          ? human
          : `${human}\n`;
      io.stdout(text);
    },
    warn(line) {
      progress.done();
      io.stderr(`${line}\n`);
    },
  };
}
