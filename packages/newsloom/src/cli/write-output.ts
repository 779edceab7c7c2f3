import { existsSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isNewsloomError, NewsloomError } from '@newsloom/core';

/**
 * Checks, before anything runs, that a file can be written at `path`: its folder exists and
 * the path is not a folder.
 * @throws {NewsloomError} `NOT_FOUND` or `INVALID_INPUT` naming the path and the option.
 * @example checkOutputFile('/tmp/a.csv', '--out')
 */
export function checkOutputFile(path: string, option: string): void {
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new NewsloomError(
      'NOT_FOUND',
      `cannot write ${path} (${option}): the folder ${folder} does not exist; create it first or choose another path`,
      { details: { path } },
    );
  if (existsSync(path) && statSync(path).isDirectory())
    throw new NewsloomError(
      'INVALID_INPUT',
      `cannot write ${path} (${option}): it is a folder; give a file name`,
      { details: { path } },
    );
}

/** The same error, naming `path` where it named the temporary file. */
function naming(error: unknown, temporary: string, path: string): unknown {
  if (isNewsloomError(error) && error.message.includes(temporary))
    return new NewsloomError(error.code, error.message.replaceAll(temporary, path), {
      cause: error,
      details: { ...error.details, path },
    });
  const { code } = error as NodeJS.ErrnoException;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EISDIR')
    return new NewsloomError(
      'INVALID_INPUT',
      `cannot write ${path}: ${code}; check the permissions or choose another path`,
      { cause: error, details: { path } },
    );
  // Name the file asked for, not the temporary one (a full disk is reported with this path).
  if (error instanceof Error) (error as NodeJS.ErrnoException).path = path;
  return error;
}

/**
 * Writes a file whole or not at all: `write` fills a temporary file beside it, which is then
 * renamed over it; the temporary file is removed when anything fails (a full disk, a permission).
 * @example const count = await writeAtomically('articles.csv', (tmp) => exportArticlesCsv(store, tmp))
 */
export async function writeAtomically<T>(
  path: string,
  write: (temporary: string) => Promise<T>,
): Promise<T> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const result = await write(temporary);
    await rename(temporary, path);
    return result;
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw naming(error, temporary, path);
  }
}

/**
 * {@link writeAtomically} for a text.
 * @example await writeFileAtomically('articles.csv', text)
 */
export function writeFileAtomically(path: string, text: string): Promise<void> {
  return writeAtomically(path, (temporary) => writeFile(temporary, text, 'utf8'));
}

/**
 * Checks, before anything runs, that an input file given with `option` exists and is a file.
 * @throws {NewsloomError} `NOT_FOUND` or `INVALID_INPUT` naming the path and the option.
 * @example checkInputFile('/data/feeds.opml', '--opml')
 */
export function checkInputFile(path: string, option: string): void {
  if (!existsSync(path))
    throw new NewsloomError('NOT_FOUND', `${path} (${option}) does not exist: check the path`, {
      details: { path },
    });
  if (!statSync(path).isFile())
    throw new NewsloomError('INVALID_INPUT', `${path} (${option}) is a folder, not a file`, {
      details: { path },
    });
}
