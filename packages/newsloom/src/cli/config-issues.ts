import type { z } from 'zod';
import { didYouMean } from './suggest';

/** The keys a config knows, by the path of the object that holds them (`''` is the root). */
type KnownKeys = Record<string, readonly string[]>;

function describeIssue(issue: z.core.$ZodIssue, knownKeys: KnownKeys): string {
  const where = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys[where] ?? [];
    return issue.keys
      .map((key) => {
        const full = where ? `${where}.${key}` : key;
        const hint = didYouMean(key, known, where ? `${where}.` : '');
        return `unknown key "${full}"${hint || ` (known keys: ${known.join(', ')})`}`;
      })
      .join('; ');
  }
  return `${where || '(root)'}: ${issue.message}`;
}

/**
 * The config's problems in one line: each unknown key with a did-you-mean, each bad value with
 * its key.
 * @example describeConfigIssues(error, { '': ['database'] }) // 'unknown key "databse": did you mean "database"?'
 */
export function describeConfigIssues(error: z.ZodError, knownKeys: KnownKeys, limit = 5): string {
  const lines = error.issues.slice(0, limit).map((issue) => describeIssue(issue, knownKeys));
  const more = error.issues.length > limit ? `; and ${error.issues.length - limit} more` : '';
  return lines.join('; ') + more;
}
