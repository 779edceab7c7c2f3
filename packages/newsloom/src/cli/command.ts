import type { ParseArgsConfig } from 'node:util';
import type { Pipeline } from '../pipeline/create-pipeline';
import type { CliConfig } from './config';
import type { CliIo, Progress } from './io';

/** Option specs of `node:util` parseArgs. */
export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Parsed option values. */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** What a command receives. */
export interface CommandContext {
  io: CliIo;
  values: OptionValues;
  positionals: string[];
  json: boolean;
  quiet: boolean;
  config: CliConfig;
  signal: AbortSignal;
  progress: Progress;
  /** Opens the pipeline on the configured database (closed by the CLI when the command ends). */
  openPipeline(): Pipeline;
  /** Prints `data` as JSON with `--json`, else the human text. */
  print(human: string, data: unknown): void;
}

/** One CLI command. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: OptionSpecs;
  positionals?: boolean;
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
