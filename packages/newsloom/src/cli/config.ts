import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describeZodIssues, NewsloomError } from '@newsloom/core';
import { z } from 'zod';

/**
 * The file `newsloom init` writes and every command reads from the current directory.
 * @example existsSync(CONFIG_FILE)
 */
export const CONFIG_FILE = 'newsloom.config.json';

/**
 * The CLI configuration (`newsloom.config.json`); every field has a default.
 * @example CliConfigSchema.parse({}).database // './newsloom.db'
 */
export const CliConfigSchema = z.object({
  /** SQLite database file, or a `postgres://` URL. */
  database: z.string().default('./newsloom.db'),
  /** Same as `database` (wins over it): e.g. `"postgres://postgres@db:5432/news"`. */
  store: z.string().optional(),
  /** OPML of the feeds `newsloom ingest` and `poll` read when given no source. */
  opml: z.string().optional(),
  /** Where `newsloom digest` writes the site. */
  out: z.string().default('./out'),
  /** Title of the digest. */
  title: z.string().default('newsloom'),
  /** Outlet attributes whose blindspots Minority Reports look for, e.g. `["lean"]`. */
  blindspotAttributes: z.array(z.string()).default([]),
  /** Minutes between polls of a feed (the feed's own TTL or Cache-Control may ask for more). */
  pollMinutes: z.number().positive().default(15),
});
/** A resolved CLI configuration: paths are absolute. */
export type CliConfig = z.infer<typeof CliConfigSchema>;

/**
 * Reads the configuration: `explicitPath`, else `newsloom.config.json` in `cwd` when present,
 * else the defaults. Relative paths resolve against the config file's folder.
 * @example const config = loadConfig(process.cwd())
 * @throws {NewsloomError} `CONFIG_ERROR` naming the file and the field.
 */
export function loadConfig(cwd: string, explicitPath?: string): CliConfig {
  const path = resolve(cwd, explicitPath ?? CONFIG_FILE);
  if (!existsSync(path)) {
    if (explicitPath) {
      throw new NewsloomError(
        'CONFIG_ERROR',
        `config file ${path} does not exist: run "newsloom init" or fix --config`,
      );
    }
    return absolute(CliConfigSchema.parse({}), cwd);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new NewsloomError(
      'CONFIG_ERROR',
      `${path} is not valid JSON: ${(cause as Error).message}`,
      { cause },
    );
  }
  const parsed = CliConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new NewsloomError('CONFIG_ERROR', `${path}: ${describeZodIssues(parsed.error)}`, {
      cause: parsed.error,
    });
  }
  return absolute(parsed.data, dirname(path));
}

function absolute(config: CliConfig, base: string): CliConfig {
  const database = config.store ?? config.database;
  return {
    ...config,
    database: keepsLocation(database) ? database : resolve(base, database),
    out: resolve(base, config.out),
    ...(config.opml ? { opml: resolve(base, config.opml) } : {}),
  };
}

/**
 * True for a database location that is not a file path to resolve: `:memory:` or a URL.
 * @example keepsLocation('postgres://db/news') // true
 */
export function keepsLocation(database: string): boolean {
  return database === ':memory:' || /^postgres(ql)?:\/\//i.test(database);
}
