import type { ArticleStore } from '@newsloom/core';
import type { Pipeline } from '../pipeline/create-pipeline';
import type { CliConfig } from './config';
import type { CliIo, Progress } from './io';
import type { OptionSpecs, OptionValues } from './options';

export type { OptionValues } from './options';

/** What a command receives. */
export interface CommandContext {
  io: CliIo;
  values: OptionValues;
  positionals: string[];
  json: boolean;
  quiet: boolean;
  config: CliConfig;
  /** The config file read, or undefined when the defaults apply. */
  configPath: string | undefined;
  signal: AbortSignal;
  progress: Progress;
  /** Opens the pipeline on the configured store (closed by the CLI when the command ends). */
  openPipeline(): Pipeline;
  /**
   * Opens the configured store for reading only: it must exist (never created); with
   * `--readonly` the file is opened read-only. Closed by the CLI when the command ends.
   */
  openStoreToRead(): Promise<ArticleStore>;
  /** Prints `data` as JSON with `--json`, else the human text (clearing the progress bar first). */
  print(human: string, data: unknown): void;
  /** Writes a line to stderr (clearing the progress bar first). */
  warn(line: string): void;
}

/** One CLI command. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: OptionSpecs;
  positionals?: boolean;
  /** Read-only commands write nothing to the store or disk besides their output. */
  readOnly?: boolean;
  /** Returns the exit code (default 0). */
  run(context: CommandContext): Promise<number | undefined>;
}

/**
 * A string option's value, or undefined.
 * @example stringOption(values, 'out') ?? './out'
 */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Every value of a repeatable string option.
 * @example stringOptions(values, 'feed') // every --feed given
 */
export function stringOptions(values: OptionValues, name: string): string[] {
  const value = values[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/**
 * A numeric option (already checked by its spec), or the fallback.
 * @example numberOption(values, 'limit', 10)
 */
export function numberOption(values: OptionValues, name: string, fallback: number): number {
  const value = stringOption(values, name);
  return value === undefined ? fallback : Number(value);
}
