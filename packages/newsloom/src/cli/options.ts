import { parseArgs } from 'node:util';
import { UsageError } from './exit-codes';
import { didYouMean } from './suggest';

/** A check of an option's value: `accepts` names the accepted form in help and errors. */
export interface ValueCheck {
  accepts: string;
  test(value: string): boolean;
}

/** One option of a command: its parse type, its help and its check. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** The value's placeholder in help (`FILE`, `N`, `URL`). */
  value?: string;
  description: string;
  /** The default, as help shows it. */
  default?: string;
  check?: ValueCheck;
}

/** Options by name (without the leading `--`). */
export type OptionSpecs = Record<string, OptionSpec>;

/** Parsed and checked option values. */
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/**
 * A value from a fixed list.
 * @example oneOf(['jsonl', 'csv'])
 */
export function oneOf(choices: readonly string[]): ValueCheck {
  return { accepts: choices.join(' or '), test: (value) => choices.includes(value) };
}

/** A whole number ≥ 1. */
export const positiveInteger: ValueCheck = {
  accepts: 'a whole number of 1 or more (e.g. 10)',
  test: (value) => /^\d+$/.test(value) && Number(value) >= 1,
};

/** A number > 0. */
export const positiveNumber: ValueCheck = {
  accepts: 'a number above 0 (e.g. 15 or 0.5)',
  test: (value) => /^\d*\.?\d+$/.test(value) && Number(value) > 0,
};

/** An ISO 8601 date or date-time. */
export const isoTime: ValueCheck = {
  accepts: 'an ISO 8601 date or time (e.g. 2024-05-01 or 2024-05-01T08:00:00Z)',
  test: (value) =>
    /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(
      value,
    ) && !Number.isNaN(Date.parse(value)),
};

/** A non-empty path or URL. */
export const nonEmpty: ValueCheck = {
  accepts: 'a non-empty value',
  test: (value) => value.trim().length > 0,
};

/**
 * The option's name and value form as help and errors print it: `--limit N`.
 * @example optionForm('limit', { type: 'string', value: 'N', description: '' }) // '--limit N'
 */
export function optionForm(name: string, spec: OptionSpec): string {
  const short = spec.short ? `-${spec.short}, ` : '';
  return `${short}--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`;
}

function unknownOption(raw: string, specs: OptionSpecs, where: string): UsageError {
  const name = raw.replace(/^-+/, '');
  const hint = didYouMean(name, Object.keys(specs), '--');
  return new UsageError(`unknown option ${raw} for ${where}${hint}`);
}

function checkValue(name: string, spec: OptionSpec, value: string): void {
  const form = optionForm(name, spec).replace(/^-\w, /, '');
  if (value.startsWith('--') || (value === '' && spec.check !== undefined))
    throw new UsageError(`option --${name} needs a value: ${form}`);
  if (spec.check && !spec.check.test(value))
    throw new UsageError(`--${name} must be ${spec.check.accepts}, not "${value}"`);
}

/**
 * Parses a command's arguments and checks every value before anything runs.
 * @throws {UsageError} naming the option and the accepted form.
 * @example parseOptions(['--limit', '5'], specs, 'newsloom report coverage', false)
 */
export function parseOptions(
  args: readonly string[],
  specs: OptionSpecs,
  where: string,
  allowPositionals: boolean,
): { values: OptionValues; positionals: string[] } {
  const config = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [
      name,
      {
        type: spec.type,
        multiple: spec.multiple ?? false,
        ...(spec.short && { short: spec.short }),
      },
    ]),
  );
  const { values, tokens } = parseArgs({
    args: [...args],
    options: config,
    strict: false,
    tokens: true,
    allowPositionals: true,
  });
  const positionals: string[] = [];
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (!allowPositionals)
        throw new UsageError(`unexpected argument "${token.value}" for ${where}`);
      positionals.push(token.value);
      continue;
    }
    const spec = specs[token.name];
    if (!spec) throw unknownOption(token.rawName, specs, where);
    if (seen.has(token.name) && spec.multiple !== true)
      throw new UsageError(`option --${token.name} is given more than once`);
    seen.add(token.name);
    if (spec.type === 'boolean' && token.value !== undefined)
      throw new UsageError(`option --${token.name} takes no value (got "${token.value}")`);
    if (spec.type === 'string') {
      if (token.value === undefined)
        throw new UsageError(
          `option --${token.name} needs a value: ${optionForm(token.name, spec)}`,
        );
      checkValue(token.name, spec, token.value);
    }
  }
  return { values: values as OptionValues, positionals };
}
