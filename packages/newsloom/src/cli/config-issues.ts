import type { z } from 'zod';
import { didYouMean } from './suggest';

/** The keys the schema knows at a path of the config (`feeds`, `summarizer`, the root). */
const KNOWN_KEYS: Record<string, readonly string[]> = {
  '': [
    '$schema',
    'database',
    'store',
    'opml',
    'out',
    'title',
    'blindspotAttributes',
    'pollMinutes',
    'feeds',
    'summarizer',
  ],
  feeds: ['allowPrivateNetwork'],
  summarizer: ['kind', 'baseUrl', 'model', 'apiKey', 'headers', 'timeoutMs', 'concurrency'],
};

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const known = KNOWN_KEYS[where] ?? [];
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
 * @example describeConfigIssues(error) // 'unknown key "databse": did you mean "database"?'
 */
export function describeConfigIssues(error: z.ZodError, limit = 5): string {
  const lines = error.issues.slice(0, limit).map(describeIssue);
  const more = error.issues.length > limit ? `; and ${error.issues.length - limit} more` : '';
  return lines.join('; ') + more;
}
