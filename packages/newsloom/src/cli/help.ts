import { readFileSync } from 'node:fs';
import type { Command } from './command';
import { nonEmpty, type OptionSpecs, optionForm } from './options';

/** Options every command takes. */
export const COMMON_OPTIONS: OptionSpecs = {
  json: { type: 'boolean', description: 'machine-readable output on stdout' },
  quiet: { type: 'boolean', short: 'q', description: 'no progress bar' },
  config: {
    type: 'string',
    value: 'FILE',
    description: 'the configuration file',
    default: './newsloom.config.json when present',
  },
  db: {
    type: 'string',
    value: 'FILE|URL',
    description: 'the store (overrides the config)',
    default: 'the config’s database, else ./newsloom.db',
  },
  help: { type: 'boolean', short: 'h', description: 'this command’s help' },
};

const EXIT_LINE =
  'Exit codes: 0 ok · 1 internal error (a bug) · 2 usage · 3 bad input or config · 4 store · 5 network · 6 disk full or read-only · 130 interrupted';

/**
 * The version of the `newsloom` package (from its package.json, in the sources or the build).
 * @example version() // '0.1.0'
 */
export function version(): string {
  for (const path of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
      if (pkg.name === 'newsloom') return String(pkg.version);
    } catch {}
  }
  return 'unknown';
}

function optionLines(options: OptionSpecs): string[] {
  return Object.entries(options).map(([name, spec]) => {
    const form = optionForm(name, spec);
    const padded = spec.short ? form : `    ${form}`;
    const extra = [
      spec.check && spec.check !== nonEmpty ? `: ${spec.check.accepts}` : '',
      spec.default ? ` (default: ${spec.default})` : '',
    ];
    return `  ${padded.padEnd(30)} ${spec.description}${extra.join('')}`;
  });
}

/**
 * `newsloom --help`.
 * @example process.stdout.write(helpText(COMMANDS))
 */
export function helpText(commands: readonly Command[]): string {
  const list = commands.map((c) => `  ${c.name.padEnd(18)} ${c.summary}`).join('\n');
  return `newsloom ${version()} — turn news feeds into clustered, cited, coverage-scored stories

Usage: newsloom <command> [options]      newsloom <command> --help for its options

Commands:
${list}

Options for every command:
${optionLines(COMMON_OPTIONS).join('\n')}
      --version                  print the version

${EXIT_LINE}

Start here: newsloom init && newsloom ingest && newsloom digest
`;
}

/**
 * `newsloom <command> --help`: its usage, what it does, and each option with its default.
 * @example process.stdout.write(commandHelp(digestCommand))
 */
export function commandHelp(command: Command): string {
  const own = Object.keys(command.options).length > 0;
  return [
    `Usage: ${command.usage}`,
    '',
    command.summary,
    '',
    ...(own ? ['Options:', ...optionLines(command.options), ''] : []),
    'Options for every command:',
    ...optionLines(COMMON_OPTIONS),
    '',
    EXIT_LINE,
    '',
  ].join('\n');
}
