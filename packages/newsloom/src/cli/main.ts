import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createPipeline, type Pipeline } from '../pipeline/create-pipeline';
import type { Command, CommandContext, OptionSpecs, OptionValues } from './command';
import { COMMANDS } from './commands/index';
import { keepsLocation, loadConfig } from './config';
import { EXIT_CODES, exitCodeOf, UsageError } from './exit-codes';
import { type CliIo, createProgress } from './io';

const COMMON: OptionSpecs = {
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  config: { type: 'string' },
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/**
 * `newsloom --help`.
 * @example process.stdout.write(helpText())
 */
export function helpText(): string {
  const commands = COMMANDS.map((c) => `  ${c.name.padEnd(16)} ${c.summary}`).join('\n');
  return `newsloom — turn news feeds into clustered, cited, coverage-scored stories

Usage: newsloom <command> [options]

Commands:
${commands}

Options for every command:
  --json           machine-readable output on stdout
  -q, --quiet      no progress output
  --config FILE    configuration (default ./newsloom.config.json when present)
  --db FILE|URL    SQLite file or postgres:// URL (default from the config, else ./newsloom.db)
  -h, --help       help for a command

Exit codes: 0 ok · 1 internal error · 2 usage · 3 bad input or config · 4 store · 5 network · 130 interrupted

Start here: newsloom init && newsloom ingest && newsloom digest
`;
}

function findCommand(argv: readonly string[]): { command: Command | undefined; rest: string[] } {
  const [first = '', second = '', ...others] = argv;
  if (first === 'report')
    return { command: COMMANDS.find((c) => c.name === `report ${second}`), rest: others };
  return { command: COMMANDS.find((c) => c.name === first), rest: argv.slice(1) };
}

function parse(command: Command, rest: string[]) {
  try {
    return parseArgs({
      args: rest,
      options: { ...COMMON, ...command.options },
      allowPositionals: command.positionals ?? false,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * Runs the CLI with the given arguments and IO; resolves to the exit code. Never throws:
 * every error becomes one line on stderr and a documented exit code.
 * @example process.exitCode = await main(process.argv.slice(2), processIo(), signal)
 */
export async function main(
  argv: readonly string[],
  io: CliIo,
  signal: AbortSignal = new AbortController().signal,
): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout(helpText());
    return argv.length === 0 ? EXIT_CODES.usage : EXIT_CODES.ok;
  }
  const opened: { pipeline?: Pipeline } = {};
  try {
    const { command, rest } = findCommand(argv);
    if (!command) throw new UsageError(`unknown command "${argv.slice(0, 2).join(' ')}"`);
    const { values, positionals } = parse(command, rest);
    if (values.help) {
      io.stdout(`Usage: ${command.usage}\n\n${command.summary}\n`);
      return EXIT_CODES.ok;
    }
    const context = createCommandContext({ io, values, positionals, signal, opened });
    const code = (await command.run(context)) ?? EXIT_CODES.ok;
    context.progress.done();
    return code;
  } catch (error) {
    return reportError(io, error);
  } finally {
    await opened.pipeline?.close().catch(() => {});
  }
}

interface ContextParts {
  io: CliIo;
  values: OptionValues;
  positionals: string[];
  signal: AbortSignal;
  /** The pipeline once a command opens it, so `main` can close it. */
  opened: { pipeline?: Pipeline };
}

function createCommandContext(parts: ContextParts): CommandContext {
  const { io, values, signal, opened } = parts;
  const config = loadConfig(io.cwd, typeof values.config === 'string' ? values.config : undefined);
  if (typeof values.db === 'string')
    config.database = keepsLocation(values.db) ? values.db : resolve(io.cwd, values.db);
  const json = values.json === true;
  const progress = createProgress(io, values.quiet === true || json);
  return {
    ...parts,
    json,
    quiet: values.quiet === true,
    config,
    progress,
    openPipeline() {
      opened.pipeline ??= createPipeline({
        databasePath: config.database,
        allowFileUrls: true,
        title: config.title,
        pollMinutes: config.pollMinutes,
        coverage: { minority: { attributes: config.blindspotAttributes } },
        signal,
        onProgress: (p) => progress.update(p.stage, p.done, p.total),
      });
      return opened.pipeline;
    },
    print(human, data) {
      const text = json
        ? `${JSON.stringify(data, null, 2)}\n`
        : human.endsWith('\n')
          ? human
          : `${human}\n`;
      io.stdout(text);
    },
  };
}

function reportError(io: CliIo, error: unknown): number {
  const code = exitCodeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const hint = error instanceof UsageError ? ' (see "newsloom --help")' : '';
  const oneLine = message.replace(/\s*\n\s*/g, ' ');
  if (io.env.NEWSLOOM_DEBUG && error instanceof Error) io.stderr(`${error.stack ?? ''}\n`);
  const clear = io.isTTY ? '\r\u001b[2K' : '';
  io.stderr(
    `${clear}newsloom: ${code === EXIT_CODES.internal ? 'internal error: ' : ''}${oneLine}${hint}${code === EXIT_CODES.internal ? ' (a bug: please report it; NEWSLOOM_DEBUG=1 prints the stack)' : ''}\n`,
  );
  return code;
}
