import type { z } from 'zod';

/**
 * One line per zod issue: `field.path: what was wrong (received …)`, so error messages name
 * the field and the problem.
 */
export function describeZodIssues(error: z.ZodError, limit = 5): string {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
  const more = error.issues.length > limit ? `; and ${error.issues.length - limit} more` : '';
  return lines.join('; ') + more;
}
