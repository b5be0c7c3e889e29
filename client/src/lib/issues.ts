import type { Issue } from '@shared/result';

/** `path` is `prefix` or lies under it (`content.items.1.stockId` under `content.items.1`). */
export const isUnder = (path: string, prefix: string): boolean => path === prefix || path.startsWith(`${prefix}.`);

/** The issues of a field, errors first: at its path and under it, or at its path only when `exact`. */
export function issuesAt(issues: readonly Issue[], path: string, exact = false): Issue[] {
  const mine = issues.filter((i) => (exact ? i.path === path : isUnder(i.path, path)));
  return [...mine.filter((i) => i.level === 'error'), ...mine.filter((i) => i.level !== 'error')];
}

/** The issue to show for a field: its first error, else its first suggestion. */
export const issueAt = (issues: readonly Issue[], path: string, exact = false): Issue | undefined => issuesAt(issues, path, exact)[0];
