import { isNewsloomError } from '@newsloom/core';
import { EXIT_CODES, exitCodeOf, storageFailure, UsageError } from './exit-codes';
import type { CliIo } from './io';

const STORAGE_REASON: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
};

function messageOf(error: unknown): string {
  const failure = storageFailure(error);
  if (failure && !isNewsloomError(error, 'STORAGE_FULL' as never)) {
    const where = failure.path ? `cannot write ${failure.path}` : 'cannot write';
    return `${where}: ${STORAGE_REASON[failure.errno]} (${failure.errno}); free some space or choose another place, then run the command again (nothing half-written was kept)`;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (isNewsloomError(error, 'STORE_READONLY'))
    return message.replace(
      /open it with \{ ?readonly: true ?\}/,
      'pass --readonly (report, export, eval)',
    );
  return message;
}

/**
 * Prints an error as one line on stderr, `newsloom: <what, where, what to do>`, and returns its
 * documented exit code.
 * @example return reportError(io, error)
 */
export function reportError(io: CliIo, error: unknown): number {
  const code = exitCodeOf(error);
  const hint =
    error instanceof UsageError
      ? ` (see "newsloom ${error.command ? `${error.command} ` : ''}--help")`
      : '';
  const oneLine = messageOf(error).replace(/\s*\n\s*/g, ' ');
  if (io.env.NEWSLOOM_DEBUG && error instanceof Error) io.stderr(`${error.stack ?? ''}\n`);
  const clear = io.isTTY ? '\r\u001b[2K' : '';
  const internal = code === EXIT_CODES.internal;
  io.stderr(
    `${clear}newsloom: ${internal ? 'internal error: ' : ''}${oneLine}${hint}${internal ? ' (a bug: please report it; NEWSLOOM_DEBUG=1 prints the stack)' : ''}\n`,
  );
  return code;
}
