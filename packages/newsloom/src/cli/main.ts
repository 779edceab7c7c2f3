import type { Command } from './command';
import { COMMANDS } from './commands/index';
import { createCommandContext, type OpenedResources } from './context';
import { EXIT_CODES, UsageError } from './exit-codes';
import { COMMON_OPTIONS, commandHelp, helpText, version } from './help';
import type { CliIo } from './io';
import { parseOptions } from './options';
import { reportError } from './report-error';
import { didYouMean } from './suggest';

/** Command groups: `newsloom report coverage` is the command `report coverage`. */
const GROUPS = [
  ...new Set(COMMANDS.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[0]!)),
];

function groupCommands(group: string): string[] {
  return COMMANDS.filter((c) => c.name.startsWith(`${group} `)).map((c) => c.name);
}

function findCommand(argv: readonly string[]): { command: Command; rest: string[] } | 'help' {
  const [first = '', second, ...others] = argv;
  if (GROUPS.includes(first)) {
    const name = `${first} ${second ?? ''}`;
    const command = COMMANDS.find((c) => c.name === name);
    if (command) return { command, rest: others };
    const names = groupCommands(first);
    if (second === '--help' || second === '-h') return 'help';
    if (second === undefined || second.startsWith('-'))
      throw new UsageError(
        `"newsloom ${first}" needs a subcommand: ${names.map((n) => `newsloom ${n}`).join(', ')}`,
      );
    const hint = didYouMean(name, names, 'newsloom ');
    throw new UsageError(
      `unknown command "newsloom ${name}"${hint || ` (known: ${names.join(', ')})`}`,
    );
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (command) return { command, rest: argv.slice(1) };
  const names = COMMANDS.map((c) => c.name.split(' ')[0]!);
  throw new UsageError(`unknown command "${first}"${didYouMean(first, [...new Set(names)])}`);
}

function parseCommandLine(command: Command, rest: string[]) {
  const options = { ...COMMON_OPTIONS, ...command.options };
  try {
    return parseOptions(rest, options, `"newsloom ${command.name}"`, command.positionals ?? false);
  } catch (error) {
    if (error instanceof UsageError) error.command = command.name;
    throw error;
  }
}

function topLevel(argv: readonly string[], io: CliIo): number | undefined {
  const [first] = argv;
  if (first === undefined) {
    io.stdout(helpText(COMMANDS));
    return EXIT_CODES.usage;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout(helpText(COMMANDS));
    return EXIT_CODES.ok;
  }
  if (first === '--version' || first === '-v' || first === 'version') {
    io.stdout(`${version()}\n`);
    return EXIT_CODES.ok;
  }
  return undefined;
}

/**
 * Runs the CLI with the given arguments and IO; resolves to the exit code. Never throws:
 * every error becomes one line on stderr and a documented exit code. Every option value is
 * checked before anything runs.
 * @example process.exitCode = await main(process.argv.slice(2), processIo(), signal)
 */
export async function main(
  argv: readonly string[],
  io: CliIo,
  signal: AbortSignal = new AbortController().signal,
): Promise<number> {
  const early = topLevel(argv, io);
  if (early !== undefined) return early;
  const opened: OpenedResources = {};
  try {
    const found = findCommand(argv);
    if (found === 'help') {
      io.stdout(helpText(COMMANDS));
      return EXIT_CODES.ok;
    }
    const { command, rest } = found;
    const { values, positionals } = parseCommandLine(command, rest);
    if (values.help) {
      io.stdout(commandHelp(command));
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
    await opened.store?.close().catch(() => {});
  }
}
