import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { NewsloomError } from '@newsloom/core';
import { ChatSummarizerOptionsSchema } from '@newsloom/summarize';
import { z } from 'zod';
import { describeConfigIssues } from './config-issues';

/**
 * The file `newsloom init` writes and every command reads from the current directory.
 * @example existsSync(CONFIG_FILE)
 */
export const CONFIG_FILE = 'newsloom.config.json';

/** `feeds`: how feeds are fetched. */
const FeedsConfigSchema = z.strictObject({
  /** Fetch feeds on loopback, private and link-local addresses (intranets, local tests). */
  allowPrivateNetwork: z.boolean().default(false),
});

/**
 * `summarizer`: the extractive default, or an OpenAI-compatible chat model (its every sentence
 * verified against the articles) with `@newsloom/summarize`'s options.
 */
const ChatConfigSchema = z.strictObject({
  kind: z.literal('chat'),
  ...ChatSummarizerOptionsSchema.shape,
});
const SummarizerConfigSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('extractive') }),
  ChatConfigSchema,
]);

/**
 * The CLI configuration (`newsloom.config.json`). Strict: an unknown key is an error (with a
 * did-you-mean), never silently ignored. Every field has a default.
 * @example CliConfigSchema.parse({}).database // './newsloom.db'
 */
export const CliConfigSchema = z.strictObject({
  /** For editors: the JSON Schema of this file. Ignored. */
  $schema: z.string().optional(),
  /** The store: a SQLite file path, or a database URL. */
  database: z.string().min(1).default('./newsloom.db'),
  /** Same as `database` and wins over it, e.g. `"postgres://postgres@db:5432/news"`. */
  store: z.string().min(1).optional(),
  /** OPML of the feeds `newsloom ingest` and `poll` read when given no source. */
  opml: z.string().min(1).optional(),
  /** Where `newsloom digest` writes the site. */
  out: z.string().min(1).default('./out'),
  /** Title of the digest. */
  title: z.string().default('newsloom'),
  /** Outlet attributes whose blindspots Minority Reports look for, e.g. `["lean"]`. */
  blindspotAttributes: z.array(z.string()).default([]),
  /** Minutes between polls of a feed (the feed's own TTL or Cache-Control may ask for more). */
  pollMinutes: z.number().positive().default(15),
  feeds: FeedsConfigSchema.default({ allowPrivateNetwork: false }),
  summarizer: SummarizerConfigSchema.default({ kind: 'extractive' }),
});
/** The keys the config knows, by the path of the object that holds them (for did-you-mean). */
const KNOWN_KEYS: Record<string, readonly string[]> = {
  '': Object.keys(CliConfigSchema.shape),
  feeds: Object.keys(FeedsConfigSchema.shape),
  summarizer: Object.keys(ChatConfigSchema.shape),
};

/** A resolved CLI configuration: paths are absolute. */
export type CliConfig = z.infer<typeof CliConfigSchema>;

/** Where a configuration came from: a file, or the defaults. */
export interface LoadedConfig {
  config: CliConfig;
  /** The file read, or undefined when none exists (the defaults apply). */
  path: string | undefined;
}

/**
 * True for a store given as a URL (`postgres://…`) rather than a file path.
 * @example isStoreUrl('postgres://localhost/news') // true
 */
export function isStoreUrl(database: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(database);
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new NewsloomError(
      'CONFIG_ERROR',
      `${path} is not valid JSON: ${(cause as Error).message}; fix it or run "newsloom init --force"`,
      { cause, details: { path } },
    );
  }
}

/**
 * Reads the configuration: `explicitPath`, else `newsloom.config.json` in `cwd` when present,
 * else the defaults. Relative paths resolve against the config file's folder.
 * @example const { config } = loadConfig(process.cwd())
 * @throws {NewsloomError} `CONFIG_ERROR` naming the file, the key and the fix.
 */
export function loadConfig(cwd: string, explicitPath?: string): LoadedConfig {
  const path = resolve(cwd, explicitPath ?? CONFIG_FILE);
  if (!existsSync(path)) {
    if (explicitPath) {
      throw new NewsloomError(
        'CONFIG_ERROR',
        `config file ${path} does not exist: run "newsloom init" or fix --config`,
        { details: { path } },
      );
    }
    return { config: absolute(CliConfigSchema.parse({}), cwd), path: undefined };
  }
  const parsed = CliConfigSchema.safeParse(readJson(path));
  if (!parsed.success) {
    throw new NewsloomError(
      'CONFIG_ERROR',
      `${path}: ${describeConfigIssues(parsed.error, KNOWN_KEYS)}`,
      {
        cause: parsed.error,
        details: { path },
      },
    );
  }
  return { config: absolute(parsed.data, dirname(path)), path };
}

function absolute(config: CliConfig, base: string): CliConfig {
  const database = config.store ?? config.database;
  return {
    ...config,
    database: database === ':memory:' || isStoreUrl(database) ? database : resolve(base, database),
    out: resolve(base, config.out),
    ...(config.opml ? { opml: resolve(base, config.opml) } : {}),
  };
}
