import { NewsloomError } from '@newsloom/core';

/**
 * Turns a better-sqlite3 error into a NewsloomError that says which problem the file has and
 * what to do about it. Anything unrecognised becomes `STORE_ERROR`.
 */
export function toStoreError(thrown: unknown, path: string, action: string): NewsloomError {
  if (thrown instanceof NewsloomError) return thrown;
  const code = sqliteCode(thrown);
  const reason = thrown instanceof Error ? thrown.message : String(thrown);
  const where = `${action} ${path}`;
  const options = { cause: thrown, details: { path, sqliteCode: code } };
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new NewsloomError(
      'STORE_LOCKED',
      `Cannot ${where}: the database is locked by another connection or process (${reason}); ` +
        'wait for the other writer to finish, or stop it, and retry',
      options,
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new NewsloomError(
      'STORE_ERROR',
      `Cannot ${where}: the file cannot be opened (${reason}); check that its directory exists ` +
        'and that you may read and write there',
      options,
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') {
    return new NewsloomError(
      'STORE_READONLY',
      `Cannot ${where}: the database (or its directory) is not writable (${reason}); ` +
        'check file permissions, or open it with { readonly: true } to only read it',
      options,
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new NewsloomError(
      'STORE_CORRUPT',
      `Cannot ${where}: the file is not a valid SQLite database or is damaged (${reason}); ` +
        'restore it from a backup, or move it aside and re-import from your JSONL export',
      options,
    );
  }
  return new NewsloomError('STORE_ERROR', `Cannot ${where}: ${reason}`, options);
}

function sqliteCode(thrown: unknown): string {
  if (typeof thrown !== 'object' || thrown === null || !('code' in thrown)) return '';
  return typeof thrown.code === 'string' ? thrown.code : '';
}
