import type { z } from 'zod';

/** Field path → first message, e.g. 'weekly.2.0' or 'targets.urgent.first_response'. */
export type IssueMap = Record<string, string>;

/**
 * The same zod schema the procedure uses, run in the browser first: its issues keep their full path, so
 * each message can sit beside the exact input it is about (the server's flattened errors only name the
 * top-level field).
 */
export function issueMap(error: z.ZodError | undefined | null, dropPrefix = 0): IssueMap {
  const map: IssueMap = {};
  for (const issue of error?.issues ?? []) {
    const key = issue.path.slice(dropPrefix).map(String).join('.');
    if (!(key in map)) map[key] = issue.message;
  }
  return map;
}

/** Messages whose path starts with `prefix` but have no input of their own, for a group-level note. */
export function issuesUnder(map: IssueMap, prefix: string): string[] {
  return Object.entries(map)
    .filter(([key]) => key === prefix || key.startsWith(`${prefix}.`))
    .map(([, message]) => message);
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="text-xs text-red-600">
      {message}
    </p>
  );
}
