import { NewsloomError } from '@newsloom/core';

/**
 * Turns a pg or network error into a NewsloomError that says what to do. PostgreSQL error
 * classes: 53 (insufficient resources: disk full), 40 (serialization/deadlock), 55P03 (lock
 * not available), 25006 (read-only transaction), 28 (authentication), 3D000 (no database).
 */
export function toPostgresError(thrown: unknown, label: string, action: string): NewsloomError {
  if (thrown instanceof NewsloomError) return thrown;
  const code = errorCode(thrown);
  const reason = thrown instanceof Error ? thrown.message : String(thrown);
  const where = `Cannot ${action} ${label}`;
  const options = { cause: thrown, details: { store: label, postgresCode: code } };
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ECONNRESET') {
    return new NewsloomError(
      'STORE_ERROR',
      `${where}: the PostgreSQL server does not answer (${reason}); check that it runs and that ` +
        'the host and port of the URL are right (pg_isready -h HOST -p PORT)',
      options,
    );
  }
  if (code === '53100' || code === '53000') {
    return new NewsloomError(
      'STORAGE_FULL',
      `${where}: the PostgreSQL server's disk is full (${reason}); free space on its data directory`,
      options,
    );
  }
  if (code.startsWith('40') || code === '55P03') {
    return new NewsloomError(
      'STORE_LOCKED',
      `${where}: a concurrent transaction conflicted (${reason}); retry`,
      options,
    );
  }
  if (code === '25006' || code === '42501') {
    return new NewsloomError(
      'STORE_READONLY',
      `${where}: the connection may not write (${reason}); use a role with write access`,
      options,
    );
  }
  if (code.startsWith('28') || code === '3D000') {
    return new NewsloomError(
      'STORE_ERROR',
      `${where}: the server refused the connection (${reason}); check the user, password and ` +
        'database name of the URL',
      options,
    );
  }
  return new NewsloomError('STORE_ERROR', `${where}: ${reason}`, options);
}

function errorCode(thrown: unknown): string {
  if (typeof thrown !== 'object' || thrown === null) return '';
  const code = (thrown as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // AggregateError (IPv4 and IPv6 both refused) carries the codes of its errors.
  const errors = (thrown as { errors?: unknown }).errors;
  return Array.isArray(errors) ? errorCode(errors[0]) : '';
}
