import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { NewsloomError } from '@newsloom/core';
import type { Command } from '../command';
import { stringOption } from '../command';
import { CONFIG_FILE } from '../config';
import { nonEmpty } from '../options';
import { STARTER_FEEDS, starterOpml } from '../starter-feeds';

const STARTER_CONFIG = {
  database: './newsloom.db',
  opml: './feeds.opml',
  out: './out',
  title: 'My news digest',
  pollMinutes: 15,
  feeds: { allowPrivateNetwork: false },
};

/**
 * `newsloom init`: a starter config and an OPML of real outlets' public feeds.
 * @example await main(['init'], processIo())
 */
export const initCommand: Command = {
  name: 'init',
  summary: 'write newsloom.config.json and feeds.opml (real outlets’ public feeds) to start from',
  usage: 'newsloom init [--dir DIR] [--force]',
  options: {
    dir: {
      type: 'string',
      value: 'DIR',
      description: 'where to write the two files',
      default: '.',
      check: nonEmpty,
    },
    force: { type: 'boolean', description: 'overwrite the files when they exist' },
  },
  async run(context) {
    const dir = resolve(context.io.cwd, stringOption(context.values, 'dir') ?? '.');
    const files = [join(dir, CONFIG_FILE), join(dir, 'feeds.opml')];
    const existing = files.filter((f) => existsSync(f));
    if (existing.length > 0 && context.values.force !== true) {
      throw new NewsloomError(
        'CONFIG_ERROR',
        `${existing.join(' and ')} already exist: edit them, or pass --force to overwrite`,
      );
    }
    await mkdir(dir, { recursive: true });
    await writeFile(files[0]!, `${JSON.stringify(STARTER_CONFIG, null, 2)}\n`);
    await writeFile(files[1]!, starterOpml(STARTER_FEEDS, 'newsloom starter feeds'));
    context.print(
      `Wrote ${files.join(' and ')} (${STARTER_FEEDS.length} feeds).\nNext: newsloom ingest   # fetch the feeds into ./newsloom.db\n      newsloom digest   # cluster, summarise and write ./out/index.html`,
      { config: files[0], opml: files[1], feeds: STARTER_FEEDS.length },
    );
    return 0;
  },
};
